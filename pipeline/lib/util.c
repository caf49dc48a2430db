/* util.c - errors, buffers, number parsing and whole-or-nothing output. */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700	/* nftw */
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int st_fail(struct st_error *err, const char *file, long line,
            const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return -1;
	/* the message first: its arguments may name err->file itself */
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	if (file && file != err->fbuf)
		snprintf(err->fbuf, sizeof err->fbuf, "%s", file);
	err->file = file ? err->fbuf : NULL;
	err->line = line;
	return -1;
}

void st_error_file(struct st_error *err, const char *file)
{
	if (file != err->fbuf)
		snprintf(err->fbuf, sizeof err->fbuf, "%s", file);
	err->file = err->fbuf;
}

void st_perror(const char *prog, const struct st_error *err)
{
	/* A whole-file error (cannot open, empty) is reported at line 1, so
	 * that every message has the same FILE:LINE shape for editors and
	 * scripts. */
	if (err->file)
		fprintf(stderr, "%s: %s:%ld: %s\n", prog, err->file,
		        err->line > 0 ? err->line : 1, err->msg);
	else
		fprintf(stderr, "%s: %s\n", prog, err->msg);
}

static void *oom(void)
{
	fputs("stance: out of memory\n", stderr);
	abort();
}

void *st_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	return p ? p : oom();
}

void *st_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	return p ? p : oom();
}

void *st_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	return p ? p : oom();
}

char *st_xstrdup(const char *s)
{
	return st_xstrndup(s, strlen(s));
}

char *st_xstrndup(const char *s, size_t n)
{
	char *p = st_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void st_buf_init(struct st_buf *b)
{
	b->s = NULL;
	b->len = b->cap = 0;
}

void st_buf_finish(struct st_buf *b)
{
	free(b->s);
	st_buf_init(b);
}

static void grow(struct st_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need <= b->cap)
		return;
	if (need < b->cap * 2)
		need = b->cap * 2;
	if (need < 64)
		need = 64;
	b->s = st_xrealloc(b->s, need);
	b->cap = need;
}

void st_buf_reset(struct st_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void st_buf_add(struct st_buf *b, const void *p, size_t n)
{
	grow(b, n);
	if (n)
		memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void st_buf_adds(struct st_buf *b, const char *s)
{
	st_buf_add(b, s, strlen(s));
}

void st_buf_addc(struct st_buf *b, char c)
{
	st_buf_add(b, &c, 1);
}

void st_buf_addf(struct st_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *st_buf_detach(struct st_buf *b)
{
	char *s = b->s ? b->s : st_xstrdup("");
	st_buf_init(b);
	return s;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	       c == '\f' || c == '\v';
}

void st_buf_trim(struct st_buf *b)
{
	size_t i = 0;

	while (b->len && is_space(b->s[b->len - 1]))
		b->s[--b->len] = '\0';
	while (i < b->len && is_space(b->s[i]))
		i++;
	if (i) {
		memmove(b->s, b->s + i, b->len - i + 1);
		b->len -= i;
	}
}

int st_parse_long(const char *s, long *out)
{
	char *end;
	long v;

	if (!s || !*s || is_space(*s))
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end)
		return -1;
	*out = v;
	return 0;
}

int st_parse_double(const char *s, double *out)
{
	char *end;
	double v;

	if (!s || !*s || is_space(*s))
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (errno || *end || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

int st_read_file(const char *path, struct st_buf *out, struct st_error *err)
{
	FILE *fp;
	char chunk[65536];
	size_t n;
	int stdin_ = strcmp(path, "-") == 0;

	st_buf_reset(out);
	fp = stdin_ ? stdin : fopen(path, "rb");
	if (!fp)
		return st_fail(err, path, 0, "cannot open: %s", strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		st_buf_add(out, chunk, n);
	if (ferror(fp)) {
		int e = errno;
		if (!stdin_)
			fclose(fp);
		return st_fail(err, path, 0, "read error: %s", strerror(e));
	}
	if (!stdin_)
		fclose(fp);
	if (!out->s)
		st_buf_add(out, "", 0);
	return 0;
}

const char *st_guess_encoding(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, m = n < 65536 ? n : 65536, zeven = 0, zodd = 0, high = 0;
	size_t ok8 = 0;

	if (n >= 2 && p[0] == 0xff && p[1] == 0xfe)
		return "UTF-16LE";
	if (n >= 2 && p[0] == 0xfe && p[1] == 0xff)
		return "UTF-16BE";
	for (i = 0; i < m; i++) {
		if (!p[i])
			*(i % 2 ? &zodd : &zeven) += 1;
		else if (p[i] >= 0x80)
			high++;
	}
	/* English in UTF-16: every other byte is NUL */
	if (m >= 4 && zodd * 3 >= m / 2 && zeven * 10 < zodd)
		return "UTF-16LE";
	if (m >= 4 && zeven * 3 >= m / 2 && zodd * 10 < zeven)
		return "UTF-16BE";
	if (zodd || zeven || !high)
		return NULL;
	/* 8-bit text: its high bytes stand alone, where UTF-8 would have
	 * lead bytes followed by continuation bytes */
	for (i = 0; i + 1 < m; i++)
		if (p[i] >= 0xc2 && p[i] <= 0xf4 && (p[i + 1] & 0xc0) == 0x80)
			ok8++;
	return ok8 * 4 < high ? "WINDOWS-1252" : NULL;
}

long st_line_of(const char *s, size_t off)
{
	long line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		if (s[i] == '\n')
			line++;
	return line;
}

int st_check_text(const char *path, const char *s, size_t n,
                  struct st_error *err)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned c = p[i];
		size_t len, k;
		uint32_t cp;

		if (c == 0)
			return st_fail(err, path, st_line_of(s, i), "NUL byte");
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			len = 2;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			len = 3;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			len = 4;
			cp = c & 0x07;
		} else {
			goto bad;
		}
		if (i + len > n)
			goto bad;
		for (k = 1; k < len; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				goto bad;
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		/* overlong forms, surrogates and values past U+10FFFF */
		if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			goto bad;
		i += len;
	}
	return 0;
bad:
	return st_fail(err, path, st_line_of(s, i), "invalid UTF-8");
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

void st_out_install_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
	size_t i;

	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], on_signal);
}

int st_out_open(struct st_out *o, const char *path, struct st_error *err)
{
	struct stat sb;
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
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		int e = errno;
		free(o->path);
		free(o->tmp);
		o->path = o->tmp = NULL;
		return st_fail(err, path, 0, "cannot create: %s", strerror(e));
	}
	/* mkstemp makes the file 0600; reports are for sharing */
	fchmod(fd, 0644 & ~st_umask());
	o->fp = fdopen(fd, "wb");
	if (!o->fp) {
		close(fd);
		unlink(o->tmp);
		return st_fail(err, path, 0, "cannot open: %s", strerror(errno));
	}
	track(o->tmp, 1);
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

unsigned long long st_fnv1a(const void *p, size_t n, unsigned long long h)
{
	const unsigned char *s = p;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= s[i];
		h *= 1099511628211ULL;
	}
	return h;
}
