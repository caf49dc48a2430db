/* files.c - reading whole files, output that appears whole or not at all,
 * and the temporary names of a run. */
#define _XOPEN_SOURCE 700	/* nftw */
#include "io/io.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* stdin through stdio: what was read of it before stays readable */
static int read_stdin(struct st_buf *out, struct st_error *err)
{
	char chunk[65536];
	size_t n;

	while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
		st_buf_add(out, chunk, n);
	if (ferror(stdin))
		return st_fail(err, "-", 0, "read error: %s", strerror(errno));
	return 0;
}

int st_read_file(const char *path, struct st_buf *out, struct st_error *err)
{
	struct stat sb;
	size_t size = 0;
	int fd, whole = 0;

	st_buf_reset(out);
	if (strcmp(path, "-") == 0) {
		if (read_stdin(out, err) != 0)
			return -1;
		if (!out->s)
			st_buf_add(out, "", 0);
		return 0;
	}
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return st_fail(err, path, 0, "cannot open: %s", strerror(errno));
	/* a regular file is read into room for its size and a byte more, in
	 * one read(2) when that comes back short with the size read */
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0) {
		size = (size_t)sb.st_size;
		whole = 1;
	}
	st_buf_reserve(out, whole ? size + 1 : 65536);
	for (;;) {
		size_t ask = out->cap - out->len - 1;
		ssize_t n = read(fd, out->s + out->len, ask);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;
			close(fd);
			out->s[out->len] = '\0';
			return st_fail(err, path, 0, "read error: %s",
			               strerror(e));
		}
		if (n == 0)
			break;
		out->len += (size_t)n;
		if (whole && out->len == size && (size_t)n < ask)
			break;
		if (out->cap - out->len - 1 < 4096)
			st_buf_reserve(out, 65536);
	}
	close(fd);
	out->s[out->len] = '\0';
	return 0;
}

static char *fmt2(const char *f, const char *a, const char *b)
{
	struct st_buf s = ST_BUF_INIT;

	st_buf_addf(&s, f, a, b);
	return st_buf_detach(&s);
}

const char *st_host(void)
{
	static char h[64];
	size_t i;

	if (!h[0]) {
		if (gethostname(h, sizeof h - 1) != 0 || !h[0])
			strcpy(h, "localhost");
		/* the name is part of a file name: keep it plain */
		for (i = 0; h[i]; i++)
			if (h[i] == '/' || h[i] == '-' || (unsigned char)h[i] < 0x21)
				h[i] = '_';
	}
	return h;
}

char *st_temp_prefix(const char *name)
{
	struct st_buf s = ST_BUF_INIT;

	st_buf_addf(&s, "%s.tmp-%s-%ld-", name, st_host(), (long)getpid());
	return st_buf_detach(&s);
}

static int rm_one(const char *path, const struct stat *sb, int type,
                  struct FTW *ftw)
{
	(void)sb;
	(void)ftw;
	return (type == FTW_DP ? rmdir(path) : unlink(path)) != 0 &&
	       errno != ENOENT ? -1 : 0;
}

int st_remove_tree(const char *path)
{
	struct stat sb;

	if (lstat(path, &sb) != 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(sb.st_mode))
		return unlink(path);
	return nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* Split path into its folder ("." when none) and its last part. */
static void split(const char *path, char **dir, char **base)
{
	const char *slash;
	size_t n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		n--;
	for (slash = path + n; slash > path && slash[-1] != '/'; slash--)
		;
	slash = slash > path ? slash - 1 : NULL;
	if (!slash) {
		*dir = st_xstrdup(".");
		*base = st_xstrndup(path, n);
	} else {
		*dir = slash == path ? st_xstrdup("/")
		                     : st_xstrndup(path, (size_t)(slash - path));
		*base = st_xstrndup(slash + 1, n - (size_t)(slash + 1 - path));
	}
}

int st_dead_here(const char *h)
{
	size_t nh = strlen(st_host());
	const char *p;
	char *end;
	long pid;

	if (strncmp(h, st_host(), nh) != 0 || h[nh] != '-')
		return 0;
	p = h + nh + 1;
	errno = 0;
	pid = strtol(p, &end, 10);
	if (errno || end == p || *end != '-' || pid <= 0)
		return 0;
	return pid != (long)getpid() && kill((pid_t)pid, 0) != 0 &&
	       errno == ESRCH;
}

/* Remove the entries of dir that stale(name, arg) finds stale. */
static void sweep(const char *dir, int (*stale)(const char *, const void *),
                  const void *arg)
{
	struct dirent *e;
	DIR *d = opendir(dir);

	while (d && (e = readdir(d)) != NULL)
		if (stale(e->d_name, arg)) {
			char *full = fmt2("%s/%s", dir, e->d_name);
			st_remove_tree(full);
			free(full);
		}
	if (d)
		closedir(d);
}

static int stale_of(const char *name, const void *pre)
{
	size_t np = strlen(pre);
	return strncmp(name, pre, np) == 0 && st_dead_here(name + np);
}

static int stale_any(const char *name, const void *arg)
{
	const char *t = strstr(name, ".tmp-"), *n = strstr(name, ".new-");

	(void)arg;
	return (t && st_dead_here(t + 5)) || (n && st_dead_here(n + 5));
}

void st_remove_stale(const char *path, const char *sep)
{
	char *dir, *base, *pre;

	split(path, &dir, &base);
	pre = fmt2("%s.%s-", base, sep);
	sweep(dir, stale_of, pre);
	free(pre);
	free(base);
	free(dir);
}

void st_remove_stale_in(const char *dir)
{
	sweep(dir, stale_any, NULL);
}

/* Temporary files of this process, removed if a signal kills it, and
 * temporary folders (a model folder being written), removed after the
 * files in them. */
#define MAX_TMP 64
#define MAX_TMPDIR 4
static char *volatile live_tmp[MAX_TMP];
static char *volatile live_dir[MAX_TMPDIR];

/* Put p in a free slot of tab[0..n) (on) or take it out (!on). */
static void slot(char *volatile *tab, int n, char *p, int on)
{
	int i;

	for (i = 0; i < n; i++) {
		if (on && !tab[i]) {
			tab[i] = p;
			return;
		}
		if (!on && tab[i] == p) {
			tab[i] = NULL;
			return;
		}
	}
}

static void track(char *tmp, int on)
{
	slot(live_tmp, MAX_TMP, tmp, on);
}

void st_out_track_dir(char *dir, int on)
{
	slot(live_dir, MAX_TMPDIR, dir, on);
}

static void on_signal(int sig)
{
	int i;

	for (i = 0; i < MAX_TMP; i++)
		if (live_tmp[i])
			unlink(live_tmp[i]);
	for (i = 0; i < MAX_TMPDIR; i++)
		if (live_dir[i])
			rmdir(live_dir[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static const int held_sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };

void st_signals_hold(sigset_t *old)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < sizeof held_sigs / sizeof held_sigs[0]; i++)
		sigaddset(&set, held_sigs[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

void st_signals_release(const sigset_t *old)
{
	sigprocmask(SIG_SETMASK, old, NULL);
}

void st_out_install_signals(void)
{
	size_t i;

	for (i = 0; i < sizeof held_sigs / sizeof held_sigs[0]; i++)
		signal(held_sigs[i], on_signal);
}

int st_out_open(struct st_out *o, const char *path, struct st_error *err)
{
	struct stat sb;
	sigset_t old;
	int fd;

	o->fp = NULL;
	o->path = o->tmp = NULL;
	o->name = path;
	if (!path || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return 0;
	}
	/* A device or FIFO (/dev/null, /dev/full, a pipe) is written in
	 * place: there is nothing to rename, and a temporary file beside it
	 * would be wrong. */
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		o->fp = fopen(path, "wb");
		if (!o->fp)
			return st_fail(err, path, 0, "cannot open: %s",
			               strerror(errno));
		o->path = st_xstrdup(path);
		return 0;
	}
	o->path = st_xstrdup(path);
	/* PATH.tmp-HOST-PID-XXXXXX: what a killed run left is removed
	 * here, and a live run's never */
	st_remove_stale(path, "tmp");
	{
		char *pre = st_temp_prefix(path);
		o->tmp = fmt2("%s%s", pre, "XXXXXX");
		free(pre);
	}
	st_signals_hold(&old);
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		int e = errno;
		st_signals_release(&old);
		free(o->path);
		free(o->tmp);
		o->path = o->tmp = NULL;
		return st_fail(err, path, 0, "cannot create: %s", strerror(e));
	}
	/* mkstemp makes the file 0600; reports are for sharing */
	fchmod(fd, 0644 & ~st_umask());
	o->fp = fdopen(fd, "wb");
	if (!o->fp) {
		int e = errno;
		close(fd);
		unlink(o->tmp);
		st_signals_release(&old);
		return st_fail(err, path, 0, "cannot open: %s", strerror(e));
	}
	track(o->tmp, 1);
	st_signals_release(&old);
	return 0;
}

int st_out_commit(struct st_out *o, struct st_error *err)
{
	int bad;
	int e = 0;

	if (!o->path) {
		bad = fflush(stdout) != 0 || ferror(stdout);
		if (bad)
			return st_fail(err, "<stdout>", 0, "write error: %s",
			               strerror(errno));
		return 0;
	}
	bad = fflush(o->fp) != 0 || ferror(o->fp);
	if (bad)
		e = errno;
	if (fclose(o->fp) != 0 && !bad) {
		bad = 1;
		e = errno;
	}
	o->fp = NULL;
	if (!o->tmp) {
		if (bad)
			st_fail(err, o->name, 0, "write error: %s", strerror(e));
		free(o->path);
		o->path = NULL;
		return bad ? -1 : 0;
	}
	if (!bad && rename(o->tmp, o->path) != 0) {
		bad = 1;
		e = errno;
	}
	if (bad) {
		unlink(o->tmp);
		st_fail(err, o->name, 0, "write error: %s", strerror(e));
	}
	track(o->tmp, 0);
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
	return bad ? -1 : 0;
}

void st_out_abort(struct st_out *o)
{
	if (!o->path)
		return;
	if (o->fp)
		fclose(o->fp);
	if (!o->tmp) {
		free(o->path);
		o->fp = NULL;
		o->path = NULL;
		return;
	}
	unlink(o->tmp);
	track(o->tmp, 0);
	free(o->tmp);
	free(o->path);
	o->fp = NULL;
	o->tmp = o->path = NULL;
}

unsigned st_umask(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return (unsigned)mask;
}

