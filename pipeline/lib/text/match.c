/* match.c - a Unicode PCRE2 pattern sped up on ASCII by an ASCII twin. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "text/text.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

struct one {
	pcre2_code *re;
	pcre2_match_data *md;
	int jit;	/* JIT-compiled: matched through pcre2_jit_match(),
			 * without pcre2_match()'s checks on every call */
};

struct st_pattern {
	struct one uni, ascii;
};

static int compile(struct one *o, const char *re, uint32_t opts,
                   struct st_error *err)
{
	int ec;
	PCRE2_SIZE eo;

	o->re = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, opts, &ec,
	                      &eo, NULL);
	if (!o->re)
		return st_fail(err, NULL, 0, "pattern %s: error %d at %zu", re,
		               ec, (size_t)eo);
	o->jit = pcre2_jit_compile(o->re, PCRE2_JIT_COMPLETE) == 0;
	o->md = pcre2_match_data_create_from_pattern(o->re, NULL);
	if (!o->md)
		return st_fail(err, NULL, 0, "pattern %s: no memory", re);
	return 0;
}

struct st_pattern *st_pattern_new(const char *uni, const char *ascii,
                                  struct st_error *err)
{
	struct st_pattern *p = st_xcalloc(1, sizeof *p);

	if (compile(&p->uni, uni, PCRE2_UTF | PCRE2_UCP |
	            PCRE2_MATCH_INVALID_UTF, err) != 0 ||
	    compile(&p->ascii, ascii, 0, err) != 0) {
		st_pattern_free(p);
		return NULL;
	}
	return p;
}

void st_pattern_free(struct st_pattern *p)
{
	if (!p)
		return;
	pcre2_match_data_free(p->uni.md);
	pcre2_code_free(p->uni.re);
	pcre2_match_data_free(p->ascii.md);
	pcre2_code_free(p->ascii.re);
	free(p);
}

static int match(struct one *o, const char *s, size_t n, size_t off,
                 size_t *a, size_t *b)
{
	int rc = o->jit ? pcre2_jit_match(o->re, (PCRE2_SPTR)s, n, off, 0,
	                                  o->md, NULL)
	                : pcre2_match(o->re, (PCRE2_SPTR)s, n, off, 0, o->md,
	                              NULL);
	PCRE2_SIZE *ov;

	if (rc < 0)
		return 0;
	ov = pcre2_get_ovector_pointer(o->md);
	*a = ov[0];
	*b = ov[1];
	return 1;
}

/* st_ascii_alnum() of every byte, one load a byte of a word */
static const unsigned char alnum[256] = {
	['0'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['A'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	        1, 1, 1, 1, 1, 1,
	['a'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	        1, 1, 1, 1, 1, 1,
};

size_t st_ascii_word_end(const char *s, size_t a, size_t u)
{
	const unsigned char *w = (const unsigned char *)s;
	size_t b = a + 1;

	for (;;) {
		while (b < u && alnum[w[b]])
			b++;
		/* an inner apostrophe or hyphen, when a letter or digit
		 * follows it */
		if (b + 1 < u && (w[b] == '\'' || w[b] == '-') &&
		    alnum[w[b + 1]])
			b += 2;
		else
			return b;
	}
}

int st_pattern_next(struct st_pattern *p, const char *s, size_t n,
                    size_t off, size_t *ascii_end, size_t *a, size_t *b)
{
	size_t u = st_ascii_end(s, n, off, ascii_end);

	/* On s[off..u) the twin finds what the Unicode pattern would, unless
	 * it needed to look at s[u] or past it: at the end of the subject,
	 * or when its match ends within a byte of u. */
	if (off < u && match(&p->ascii, s, u, off, a, b) &&
	    (u == n || *b + 1 < u))
		return 1;
	if (u == n)
		return 0;
	return match(&p->uni, s, n, off, a, b);
}
