/* Where the library's companion files are.  They are found from where the loaded library
** is, so an installation works wherever its prefix is (also staged under a DESTDIR), and a
** build tree uses its own: the back-end module lies beside the library in both; the styles
** lie in <prefix>/<datadir>/samenkaart/styles when installed, else in the source tree. */
#ifndef SK_PATHS_H
#define SK_PATHS_H

/* The directory of the loaded libsamenkaart (of the program, when the library's objects are
** linked into it); NULL when the loader cannot tell.  g_free it. */
char *sk__library_dir(void);

/* The styles directory when $SAMENKAART_STYLES does not name one: the installation's when
** the library is installed and it holds one, else the directory fixed at build time.
** Looked up once; static string. */
const char *sk__default_styles_dir(void);

/* The default data directory (sk_default_data_dir in samenkaart.h).  Static string. */
const char *sk__default_data_dir(void);

#endif
