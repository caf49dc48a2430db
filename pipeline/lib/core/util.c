/* util.c - errors, memory, growable buffers, number parsing, hashing. */
#include "core/core.h"

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

void st_buf_reserve(struct st_buf *b, size_t n)
{
	grow(b, n);
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

char *st_join(const char *dir, const char *name)
{
	size_t n = strlen(dir), m = strlen(name);
	char *p = st_xmalloc(n + m + 2);

	memcpy(p, dir, n);
	p[n] = '/';
	memcpy(p + n + 1, name, m + 1);
	return p;
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
