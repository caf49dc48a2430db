/* modeltext.c - libsvm's model file checked line by line before libsvm's
 * loader, which trusts its input, reads it. */
#include "learn/learn.h"
#include "learn/internal.h"
#include "core/core.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* libsvm's loader trusts its input (a count that does not match the lines
 * that follow sends it past its arrays), so the text is checked here
 * first, line by line, against the format libsvm writes:
 *   svm_type c_svc / kernel_type K / [degree, gamma, coef0] / nr_class N /
 *   total_sv L / rho, probA, probB (N(N-1)/2 numbers each) / label (N
 *   classes) / nr_sv (N counts summing to L) / SV / L lines of N-1
 *   coefficients and ascending index:value pairs. */
struct cursor {
	const char *p, *end, *path;
	long line;
};

static int next_line(struct cursor *c, const char **s, size_t *n)
{
	const char *nl;

	if (c->p >= c->end)
		return 0;
	nl = memchr(c->p, '\n', (size_t)(c->end - c->p));
	*s = c->p;
	*n = nl ? (size_t)(nl - c->p) : (size_t)(c->end - c->p);
	c->p += *n + (nl != NULL);
	c->line++;
	return 1;
}

/* count numbers (whole ones when integral) in s[0..n), into out if set */
static int numbers(const char *s, size_t n, int count, int integral,
                   double *out)
{
	char buf[64];
	int k = 0;
	size_t i = 0;

	for (;;) {
		size_t j;
		double v;
		char *e;

		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
			i++;
		if (i == n)
			break;
		for (j = i; j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '\r';
		     j++)
			;
		if (j - i >= sizeof buf || k == count)
			return -1;
		memcpy(buf, s + i, j - i);
		buf[j - i] = '\0';
		errno = 0;
		v = integral ? (double)strtol(buf, &e, 10) : strtod(buf, &e);
		if (*e || errno || !isfinite(v))
			return -1;
		if (out)
			out[k] = v;
		k++;
		i = j;
	}
	return k == count ? 0 : -1;
}

int st_model_text_check(const char *path, const struct st_buf *b,
                        int nlabels, size_t nfeatures,
                        struct st_error *err)
{
	struct cursor c = { b->s, b->s + b->len, path, 0 };
	const char *s;
	size_t n;
	int have = 0, npairs = nlabels * (nlabels - 1) / 2, k;
	long total = -1, sum = 0, i;
	double v[ST_MAX_LABELS];
	enum { H_TYPE = 1, H_KERNEL = 2, H_NCLASS = 4, H_TOTAL = 8, H_RHO = 16,
	       H_LABEL = 32, H_PROBA = 64, H_PROBB = 128, H_NSV = 256 };

	if (memchr(b->s, '\0', b->len))
		return st_fail(err, path, 1, "NUL byte in the model");
	for (;;) {
		const char *arg;
		size_t klen;
		int bit = 0, bad = 0;

		if (!next_line(&c, &s, &n))
			return st_fail(err, path, c.line, "truncated model: "
			               "no SV line");
		klen = strcspn(s, " \r\n");
		if (klen > n)
			klen = n;
		arg = s + klen;
		n -= klen;
#define KEY(w) (klen == strlen(w) && memcmp(s, w, klen) == 0)
		if (KEY("SV") && !n)
			break;
		if (KEY("svm_type")) {
			bit = H_TYPE;
			bad = n < 6 || memcmp(arg, " c_svc", 6) ||
			      numbers(arg + 6, n - 6, 0, 0, NULL);
		} else if (KEY("kernel_type")) {
			bit = H_KERNEL;
			bad = !((n >= 7 && !memcmp(arg, " linear", 7)) ||
			        (n >= 4 && !memcmp(arg, " rbf", 4)) ||
			        (n >= 11 && !memcmp(arg, " polynomial", 11)) ||
			        (n >= 8 && !memcmp(arg, " sigmoid", 8)));
		} else if (KEY("degree") || KEY("gamma") || KEY("coef0")) {
			bad = numbers(arg, n, 1, KEY("degree"), NULL);
		} else if (KEY("nr_class")) {
			bit = H_NCLASS;
			bad = numbers(arg, n, 1, 1, v) || v[0] != nlabels;
			if (bad)
				return st_fail(err, path, c.line, "expected "
				               "nr_class %d", nlabels);
		} else if (KEY("total_sv")) {
			bit = H_TOTAL;
			bad = numbers(arg, n, 1, 1, v) || v[0] < 1 || v[0] > 1e8;
			total = bad ? -1 : (long)v[0];
		} else if (KEY("rho") || KEY("probA") || KEY("probB")) {
			bit = KEY("rho") ? H_RHO : KEY("probA") ? H_PROBA : H_PROBB;
			bad = numbers(arg, n, npairs, 0, NULL);
		} else if (KEY("label")) {
			int seen = 0;
			bit = H_LABEL;
			bad = numbers(arg, n, nlabels, 1, v);
			for (k = 0; !bad && k < nlabels; k++) {
				bad = v[k] < 1 || v[k] > nlabels ||
				      (seen & (1 << (int)v[k]));
				if (!bad)
					seen |= 1 << (int)v[k];
			}
		} else if (KEY("nr_sv")) {
			bit = H_NSV;
			bad = numbers(arg, n, nlabels, 1, v);
			for (k = 0, sum = 0; !bad && k < nlabels; k++) {
				bad = v[k] < 0 || v[k] > 1e8;
				sum += (long)v[k];
			}
		} else {
			bad = 1;
		}
#undef KEY
		if (bad || (have & bit))
			return st_fail(err, path, c.line, "bad model line");
		have |= bit;
	}
	if (have != (H_TYPE | H_KERNEL | H_NCLASS | H_TOTAL | H_RHO | H_LABEL |
	             H_PROBA | H_PROBB | H_NSV) || sum != total)
		return st_fail(err, path, c.line, "model header incomplete or "
		               "inconsistent");
	for (i = 0; i < total; i++) {
		size_t j = 0;
		long prev = 0;

		if (!next_line(&c, &s, &n))
			return st_fail(err, path, c.line, "truncated model: "
			               "%ld of %ld support vectors", i, total);
		for (k = 0; k < nlabels - 1; k++) {
			size_t e = j;
			while (e < n && s[e] != ' ')
				e++;
			if (numbers(s + j, e - j, 1, 0, NULL))
				return st_fail(err, path, c.line,
				               "bad coefficient");
			j = e + 1;
		}
		while (j < n && s[j] != '\r') {
			size_t e = j, colon;
			char *end;
			long idx;

			while (e < n && s[e] != ' ' && s[e] != '\r')
				e++;
			for (colon = j; colon < e && s[colon] != ':'; colon++)
				;
			if (colon == e || colon == j || e - j > 60)
				return st_fail(err, path, c.line, "bad feature");
			idx = strtol(s + j, &end, 10);
			if (end != s + colon || idx <= prev ||
			    (size_t)idx > nfeatures ||
			    numbers(s + colon + 1, e - colon - 1, 1, 0, NULL))
				return st_fail(err, path, c.line, "bad feature");
			prev = idx;
			j = e + (e < n && s[e] == ' ');
		}
	}
	while (next_line(&c, &s, &n))
		if (strspn(s, " \t\r") != n)
			return st_fail(err, path, c.line, "lines after the "
			               "support vectors");
	return 0;
}
