/* strmap.c - string to int hash map. */
#include "core/core.h"

#include <stdlib.h>
#include <string.h>

void st_map_init(struct st_map *m)
{
	memset(m, 0, sizeof *m);
}

void st_map_finish(struct st_map *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->lens);
	free(m->vals);
	free(m->slots);
	st_map_init(m);
}

static size_t hash(const char *k, size_t len)
{
	return (size_t)st_fnv1a(k, len, ST_FNV_INIT);
}

static size_t *find(const struct st_map *m, const char *key, size_t len)
{
	size_t h, i;

	if (!m->nslots)
		return NULL;
	h = hash(key, len) & (m->nslots - 1);
	for (i = h;; i = (i + 1) & (m->nslots - 1)) {
		size_t s = m->slots[i];
		const char *k;

		if (!s)
			return &m->slots[i];
		k = m->keys[s - 1];
		if (m->lens[s - 1] == len && memcmp(k, key, len) == 0)
			return &m->slots[i];
	}
}

int *st_map_getn(const struct st_map *m, const char *key, size_t len)
{
	size_t *s = find(m, key, len);
	return s && *s ? &m->vals[*s - 1] : NULL;
}

int *st_map_get(const struct st_map *m, const char *key)
{
	return st_map_getn(m, key, strlen(key));
}

static void rehash(struct st_map *m)
{
	size_t i, n = m->nslots ? m->nslots * 2 : 64;

	free(m->slots);
	m->slots = st_xcalloc(n, sizeof *m->slots);
	m->nslots = n;
	for (i = 0; i < m->n; i++)
		*find(m, m->keys[i], m->lens[i]) = i + 1;
}

int *st_map_putn(struct st_map *m, const char *key, size_t len, int v)
{
	size_t *s;

	if ((m->n + 1) * 2 > m->nslots)
		rehash(m);
	s = find(m, key, len);
	if (*s)
		return &m->vals[*s - 1];
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 32;
		m->keys = st_xrealloc(m->keys, m->cap * sizeof *m->keys);
		m->lens = st_xrealloc(m->lens, m->cap * sizeof *m->lens);
		m->vals = st_xrealloc(m->vals, m->cap * sizeof *m->vals);
	}
	m->keys[m->n] = st_xstrndup(key, len);
	m->lens[m->n] = len;
	m->vals[m->n] = v;
	*s = ++m->n;
	return &m->vals[m->n - 1];
}

int *st_map_put(struct st_map *m, const char *key, int v)
{
	return st_map_putn(m, key, strlen(key), v);
}

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

void st_map_load_words(struct st_map *m, const char *text, int v)
{
	const char *p = text;

	while (*p) {
		const char *eol = strchr(p, '\n');
		const char *end = eol ? eol : p + strlen(p);

		if (*p != '#') {
			while (p < end) {
				const char *w;

				while (p < end && blank(*p))
					p++;
				w = p;
				while (p < end && !blank(*p))
					p++;
				if (p > w)
					st_map_putn(m, w, (size_t)(p - w), v);
			}
		}
		p = eol ? eol + 1 : end;
	}
}

void st_map_load_classes(struct st_map *m, struct st_map *classes,
                         const char *text)
{
	const char *p = text;

	while (*p) {
		const char *eol = strchr(p, '\n');
		const char *end = eol ? eol : p + strlen(p);
		const char *tab = memchr(p, '\t', (size_t)(end - p));

		if (*p != '#' && tab && tab > p) {
			const char *c = tab + 1, *ce = end;
			int *ci;

			while (ce > c && blank(ce[-1]))
				ce--;
			ci = st_map_putn(classes, c, (size_t)(ce - c),
			                 (int)classes->n);
			st_map_putn(m, p, (size_t)(tab - p), *ci);
		}
		p = eol ? eol + 1 : end;
	}
}
