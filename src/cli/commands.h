/* The commands of samenkaart, one file each: parse the command's arguments, run it, and give
** the exit status (EXIT_HELP when help was shown). */
#ifndef SK_CLI_COMMANDS_H
#define SK_CLI_COMMANDS_H

int cmd_render(int argc, char **argv);    /* render.c */
int cmd_atlas(int argc, char **argv);     /* atlas.c */
int cmd_stats(int argc, char **argv);     /* stats.c */
int cmd_diff(int argc, char **argv);      /* diff.c */
int cmd_compare(int argc, char **argv);   /* compare.c */
int cmd_style(int argc, char **argv);     /* style.c */

#endif
