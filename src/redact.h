/* Secrets out of text derived from a source's name: a database connection string may carry a
** password (`password=…`, `user:pass@host`), and such names end up in source lines on maps,
** CSVs, reports and messages. */
#ifndef SK_REDACT_H
#define SK_REDACT_H

/* text with every password replaced by ***; NULL for NULL.  Caller frees (g_free). */
char *sk__redact(const char *text);

#endif
