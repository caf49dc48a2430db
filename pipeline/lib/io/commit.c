/* commit.c - folders replaced whole, and the tidying of what kills leave. */
#define _GNU_SOURCE	/* renameat2 */
#include "io/io.h"

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

static int exists(const char *path)
{
	struct stat sb;
	return lstat(path, &sb) == 0;
}

static char *prefix(const char *name, const char *sep)
{
	struct st_buf s = ST_BUF_INIT;

	st_buf_addf(&s, "%s.%s-%s-%ld-", name, sep, st_host(), (long)getpid());
	return st_buf_detach(&s);
}

/* Is name one of the files own lists? */
static int listed(const char *name, const char *const *own)
{
	for (; own && *own; own++)
		if (!strcmp(name, *own))
			return 1;
	return 0;
}

/* ... or a temporary file (a stage's own, or one of a live process's,
 * which a stale stage must not hand back)? */
static int owned(const char *name, const char *const *own)
{
	return listed(name, own) || strstr(name, ".tmp-") != NULL;
}

/* Remove the stages of dir that ended processes left.  One killed after
 * carrying entries of the old folder across, before the swap, holds them:
 * they go back first. */
static void remove_stale_stages(const char *dir, const char *const *own)
{
	struct st_buf parent = ST_BUF_INIT;
	const char *slash = strrchr(dir, '/'), *base;
	char *pre;
	size_t np;
	struct dirent *e;
	DIR *d;

	if (slash)
		st_buf_add(&parent, dir, slash == dir ? 1 : (size_t)(slash - dir));
	else
		st_buf_adds(&parent, ".");
	base = slash ? slash + 1 : dir;
	pre = fmt("%s%s", base, ".new-");
	np = strlen(pre);
	d = opendir(parent.s);
	while (d && (e = readdir(d)) != NULL) {
		char *stage;

		if (strncmp(e->d_name, pre, np) || !st_dead_here(e->d_name + np))
			continue;
		stage = fmt("%s/%s", parent.s, e->d_name);
		if (own) {
			struct dirent *f;
			DIR *sd = opendir(stage);

			while (sd && (f = readdir(sd)) != NULL) {
				char *a, *b;

				if (!strcmp(f->d_name, ".") || !strcmp(f->d_name, "..") ||
				    owned(f->d_name, own))
					continue;
				a = fmt("%s/%s", stage, f->d_name);
				b = fmt("%s/%s", dir, f->d_name);
				if (!exists(b))
					rename(a, b);
				free(a);
				free(b);
			}
			if (sd)
				closedir(sd);
		}
		st_remove_tree(stage);
		free(stage);
	}
	if (d)
		closedir(d);
	free(pre);
	st_buf_finish(&parent);
}

int st_stage_open(struct st_stage *stage, const char *dir,
                  const char *const *own, struct st_error *err)
{
	char *pre, *tmpl;
	sigset_t old;
	size_t n = strlen(dir);
	const char *base;
	char *d;

	stage->dir = stage->path = NULL;
	while (n > 1 && dir[n - 1] == '/')
		n--;
	d = st_xstrndup(dir, n);
	base = strrchr(d, '/') ? strrchr(d, '/') + 1 : d;
	if (!strcmp(base, ".") || !strcmp(base, "..") || !*base ||
	    !strcmp(d, "/")) {
		free(d);
		return st_fail(err, dir, 0, "cannot replace this folder whole: "
		               "name it by its path");
	}
	remove_stale_stages(d, own);
	pre = prefix(d, "new");
	tmpl = fmt("%s%s", pre, "XXXXXX");
	free(pre);
	st_signals_hold(&old);
	if (!mkdtemp(tmpl)) {
		int e = errno;
		st_signals_release(&old);
		free(tmpl);
		free(d);
		return st_fail(err, dir, 0, "cannot create a folder beside it: %s",
		               strerror(e));
	}
	/* mkdtemp makes it 0700; models and reports are for sharing */
	chmod(tmpl, 0777 & ~st_umask());
	stage->dir = d;
	stage->path = tmpl;
	stage->own = own;
	/* a signal removes it if nothing but temporary files went in */
	st_out_track_dir(stage->path, 1);
	st_signals_release(&old);
	return 0;
}

void st_stage_abort(struct st_stage *stage)
{
	if (stage->path) {
		st_out_track_dir(stage->path, 0);
		st_remove_tree(stage->path);
	}
	free(stage->path);
	free(stage->dir);
	stage->path = stage->dir = NULL;
}

/* Move the entries of from that to lacks into to (or back, with undo). */
static int carry(const char *from, const char *to, const char *const *own,
                 char ***moved, size_t *nmoved)
{
	struct dirent *e;
	DIR *d = opendir(from);
	int rc = 0;

	if (!d)
		return errno == ENOENT ? 0 : -1;
	while ((e = readdir(d)) != NULL) {
		char *a, *b;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
		    listed(e->d_name, own))
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

	st_out_track_dir(stage->path, 0);

	/* what a killed run left in the old folder is not carried over */
	if ((flags & ST_STAGE_CARRY) && had)
		st_remove_stale_in(stage->dir);
	if ((flags & ST_STAGE_CARRY) && had &&
	    carry(stage->dir, stage->path, stage->own, &moved, &nmoved) != 0) {
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
