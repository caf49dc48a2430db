/* strmap.c - string to int hash map. */
#include "core/core.h"

#include <stdint.h>
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

/* The map's own hash (not st_fnv1a, which is for checksums): eight bytes
 * at a time, multiplied and folded.  Any change here changes no output:
 * the map keeps its keys in insertion order. */
static uint64_t hash(const char *k, size_t len)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ len, w;

	while (len >= 8) {
		memcpy(&w, k, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
		k += 8;
		len -= 8;
	}
	/* the last 0..7 bytes in fixed-size loads, which compile to moves
	 * where a memcpy of len bytes would be a call */
	w = 0;
	if (len & 4) {
		uint32_t w4;
		memcpy(&w4, k, 4);
		w = w4;
		k += 4;
	}
	if (len & 2) {
		uint16_t w2;
		memcpy(&w2, k, 2);
		w = w << 16 | w2;
		k += 2;
	}
	if (len & 1)
		w = w << 8 | (unsigned char)*k;
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 29;
	return h;
}

/* A slot holds the key's index + 1 in its low 32 bits (0: empty) and the
 * high 32 bits of its hash above, so that a probe compares keys only when
 * the hashes agree. */
#define SLOT_INDEX(s) ((size_t)((s) & 0xffffffffu))
#define SLOT_HASH(s) ((uint32_t)((s) >> 32))

static uint64_t *find(const struct st_map *m, const char *key, size_t len,
                      uint32_t *tag)
{
	uint64_t h;
	size_t i;

	h = hash(key, len);
	*tag = (uint32_t)(h >> 32);
	if (!m->nslots)
		return NULL;
	for (i = (size_t)h & (m->nslots - 1);; i = (i + 1) & (m->nslots - 1)) {
		uint64_t s = m->slots[i];
		size_t e;

		if (!s)
			return &m->slots[i];
		if (SLOT_HASH(s) != *tag)
			continue;
		e = SLOT_INDEX(s) - 1;
		if (m->lens[e] == len && memcmp(m->keys[e], key, len) == 0)
			return &m->slots[i];
	}
}

int *st_map_getn(const struct st_map *m, const char *key, size_t len)
{
	uint32_t tag;
	uint64_t *s = find(m, key, len, &tag);

	return s && *s ? &m->vals[SLOT_INDEX(*s) - 1] : NULL;
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
	for (i = 0; i < m->n; i++) {
		uint32_t tag;
		uint64_t *slot = find(m, m->keys[i], m->lens[i], &tag);

		*slot = (uint64_t)tag << 32 | (i + 1);
	}
}

int *st_map_putn(struct st_map *m, const char *key, size_t len, int v)
{
	uint64_t *s;
	uint32_t tag;

	if ((m->n + 1) * 2 > m->nslots)
		rehash(m);
	s = find(m, key, len, &tag);
	if (*s)
		return &m->vals[SLOT_INDEX(*s) - 1];
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 32;
		m->keys = st_xrealloc(m->keys, m->cap * sizeof *m->keys);
		m->lens = st_xrealloc(m->lens, m->cap * sizeof *m->lens);
		m->vals = st_xrealloc(m->vals, m->cap * sizeof *m->vals);
	}
	m->keys[m->n] = st_xstrndup(key, len);
	m->lens[m->n] = len;
	m->vals[m->n] = v;
	*s = (uint64_t)tag << 32 | ++m->n;
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
