/* commit.c - folders replaced whole, and the tidying of what kills leave. */
#define _GNU_SOURCE	/* renameat2 */
#include "commit.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

static char *fmt(const char *f, const char *a, const char *b)
{
	struct st_buf s = ST_BUF_INIT;

	st_buf_addf(&s, f, a, b);
	return st_buf_detach(&s);
}

static char *prefix(const char *name, const char *sep)
{
	struct st_buf s = ST_BUF_INIT;

	st_buf_addf(&s, "%s.%s-%s-%ld-", name, sep, st_host(), (long)getpid());
	return st_buf_detach(&s);
}

int st_stage_open(struct st_stage *stage, const char *dir,
                  struct st_error *err)
{
	char *pre, *tmpl;

	stage->dir = stage->path = NULL;
	st_remove_stale(dir, "new");
	pre = prefix(dir, "new");
	tmpl = fmt("%s%s", pre, "XXXXXX");
	free(pre);
	if (!mkdtemp(tmpl)) {
		int e = errno;
		free(tmpl);
		return st_fail(err, dir, 0, "cannot create a folder beside it: %s",
		               strerror(e));
	}
	/* mkdtemp makes it 0700; models and reports are for sharing */
	chmod(tmpl, 0777 & ~st_umask());
	stage->dir = st_xstrdup(dir);
	stage->path = tmpl;
	return 0;
}

void st_stage_abort(struct st_stage *stage)
{
	if (stage->path)
		st_remove_tree(stage->path);
	free(stage->path);
	free(stage->dir);
	stage->path = stage->dir = NULL;
}

static int exists(const char *path)
{
	struct stat sb;
	return lstat(path, &sb) == 0;
}

/* Move the entries of from that to lacks into to (or back, with undo). */
static int carry(const char *from, const char *to, char ***moved,
                 size_t *nmoved)
{
	struct dirent *e;
	DIR *d = opendir(from);
	int rc = 0;

	if (!d)
		return errno == ENOENT ? 0 : -1;
	while ((e = readdir(d)) != NULL) {
		char *a, *b;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		a = fmt("%s/%s", from, e->d_name);
		b = fmt("%s/%s", to, e->d_name);
		if (!exists(b)) {
			if (rename(a, b) != 0) {
				rc = -1;
				free(a);
				free(b);
				break;
			}
			*moved = st_xrealloc(*moved, (*nmoved + 1) *
			                     sizeof **moved);
			(*moved)[(*nmoved)++] = st_xstrdup(e->d_name);
		}
		free(a);
		free(b);
	}
	closedir(d);
	return rc;
}

static void uncarry(const char *from, const char *to, char **moved,
                    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char *a = fmt("%s/%s", to, moved[i]);
		char *b = fmt("%s/%s", from, moved[i]);
		rename(a, b);
		free(a);
		free(b);
	}
}

int st_stage_commit(struct st_stage *stage, int flags, struct st_error *err)
{
	char **moved = NULL, *prev = NULL, *away = NULL;
	size_t nmoved = 0, i;
	int rc = -1, had = exists(stage->dir);

	if ((flags & ST_STAGE_CARRY) && had &&
	    carry(stage->dir, stage->path, &moved, &nmoved) != 0) {
		st_fail(err, stage->dir, 0, "cannot move its other files "
		        "across: %s", strerror(errno));
		goto undo;
	}
	if (!had) {
		if (rename(stage->path, stage->dir) != 0) {
			st_fail(err, stage->dir, 0, "cannot create: %s",
			        strerror(errno));
			goto undo;
		}
		free(stage->path);
		stage->path = NULL;
		rc = 0;
		goto out;
	}
	if (renameat2(AT_FDCWD, stage->path, AT_FDCWD, stage->dir,
	              RENAME_EXCHANGE) != 0) {
		if (errno != EINVAL && errno != ENOSYS) {
			st_fail(err, stage->dir, 0, "cannot replace: %s",
			        strerror(errno));
			goto undo;
		}
		/* no exchange here: the old folder goes first */
		away = fmt("%s%s", stage->path, ".old");
		if (rename(stage->dir, away) != 0 ||
		    rename(stage->path, stage->dir) != 0) {
			int e = errno;
			if (!exists(stage->dir))
				rename(away, stage->dir);
			st_fail(err, stage->dir, 0, "cannot replace: %s",
			        strerror(e));
			goto undo;
		}
		free(stage->path);
		stage->path = away;
		away = NULL;
	}
	/* stage->path now holds the old folder */
	rc = 0;
	if (flags & ST_STAGE_KEEP_PREV) {
		prev = fmt("%s%s", stage->dir, ".prev");
		if (st_remove_tree(prev) != 0 || rename(stage->path, prev) != 0)
			rc = st_fail(err, prev, 0, "the new folder is in place "
			             "but the old one could not be kept: %s",
			             strerror(errno));
	}
	goto out;
undo:
	uncarry(stage->dir, stage->path, moved, nmoved);
out:
	for (i = 0; i < nmoved; i++)
		free(moved[i]);
	free(moved);
	free(prev);
	free(away);
	st_stage_abort(stage);
	return rc;
}
