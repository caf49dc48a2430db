/* memo.c - strings remembered with a short list of ints each, a bounded
 * number of them. */
#include "learn/internal.h"
#include "core/core.h"

#include <stdlib.h>
#include <string.h>

void st_memo_init(struct st_memo *m, size_t max, size_t max_bytes)
{
	memset(m, 0, sizeof *m);
	st_map_init(&m->map);
	m->max = max;
	m->max_bytes = max_bytes;
}

void st_memo_finish(struct st_memo *m)
{
	st_map_finish(&m->map);
	free(m->pool);
	free(m->key);
	st_memo_init(m, m->max, m->max_bytes);
}

void st_memo_forget(struct st_memo *m)
{
	st_map_finish(&m->map);
	m->npool = 0;
	m->bytes = 0;
}

/* The key kind + s[0..n) in m->key; its length. */
static size_t make_key(struct st_memo *m, char kind, const char *s, size_t n)
{
	if (n + 1 > m->keycap) {
		m->keycap = n + 65;
		m->key = st_xrealloc(m->key, m->keycap);
	}
	m->key[0] = kind;
	memcpy(m->key + 1, s, n);
	return n + 1;
}

const int *st_memo_get(struct st_memo *m, char kind, const char *s,
                       size_t len, size_t *n)
{
	const int *off = st_map_getn(&m->map, m->key,
	                             make_key(m, kind, s, len));

	if (!off)
		return NULL;
	*n = (size_t)m->pool[*off];
	return m->pool + *off + 1;
}

void st_memo_put(struct st_memo *m, char kind, const char *s, size_t len,
                 const int *head, const int *v, size_t n)
{
	size_t need, bytes = len + 1 + (n + 2) * sizeof *m->pool;

	if (m->map.n >= m->max || m->bytes + bytes > m->max_bytes)
		st_memo_forget(m);
	m->bytes += bytes;
	need = m->npool + n + 2;
	if (need > m->cappool) {
		m->cappool = need * 2;
		m->pool = st_xrealloc(m->pool, m->cappool * sizeof *m->pool);
	}
	*st_map_putn(&m->map, m->key, make_key(m, kind, s, len), 0) =
		(int)m->npool;
	m->pool[m->npool++] = (int)(n + (head != NULL));
	if (head)
		m->pool[m->npool++] = *head;
	if (n)
		memcpy(m->pool + m->npool, v, n * sizeof *v);
	m->npool += n;
}
