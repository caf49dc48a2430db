/* labels.c - label files, a list or a model's labels.txt, through one
 * parser; label lookup and the checksum of a label list. */
#include "io/io.h"
#include "core/core.h"

#include <stdlib.h>
#include <string.h>

int st_label_index(char *const *labels, int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(labels[i], name) == 0)
			return i;
	return -1;
}

unsigned long long st_labels_sum(char *const *labels, int n)
{
	unsigned long long h = ST_FNV_INIT;
	int i;

	for (i = 0; i < n; i++)
		h = st_fnv1a(labels[i], strlen(labels[i]) + 1, h);
	return h;
}

int st_labels_read(const char *path, const char *text,
                   const struct st_label_syntax *syn, char **labels,
                   struct st_error *err)
{
	struct st_buf l = ST_BUF_INIT;
	const char *p = text;
	size_t plen = syn ? strlen(syn->prefix) : 0;
	long line = 0;
	int n = 0, i;

	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		const char *name, *next = eol ? eol + 1 : p + len;
		int took;

		line++;
		if (!syn) {
			/* a list, as people write one */
			while (len && (p[len - 1] == '\r' || p[len - 1] == ' '))
				len--;
			if (!len || *p == '#') {
				p = next;
				continue;
			}
		}
		st_buf_reset(&l);
		st_buf_add(&l, p, len);
		p = next;
		name = l.s ? l.s : "";
		if (syn) {
			took = syn->line(name, line, syn->arg, err);
			if (took < 0)
				goto fail;
			if (took)
				continue;
			if (strncmp(name, syn->prefix, plen) != 0 || !name[plen]) {
				st_fail(err, path, line, "unexpected line");
				goto fail;
			}
			name += plen;
		}
		if (n == ST_MAX_LABELS || st_label_index(labels, n, name) >= 0) {
			if (syn)
				st_fail(err, path, line, "too many or repeated labels");
			else
				st_fail(err, path, line, n == ST_MAX_LABELS
				        ? "more than %d labels" : "label twice",
				        ST_MAX_LABELS);
			goto fail;
		}
		labels[n++] = st_xstrdup(name);
	}
	if (syn && syn->line(NULL, line, syn->arg, err) < 0)
		goto fail;
	if (n < 2) {
		st_fail(err, path, line ? line : 1, syn ? "truncated label file"
		        : "fewer than two labels");
		goto fail;
	}
	st_buf_finish(&l);
	return n;
fail:
	st_buf_finish(&l);
	for (i = 0; i < n; i++)
		free(labels[i]);
	return -1;
}

int st_labels_parse(const char *path, const char *text, char **labels,
                    struct st_error *err)
{
	return st_labels_read(path, text, NULL, labels, err);
}
