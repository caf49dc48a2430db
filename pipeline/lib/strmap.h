/* strmap.h - a hash map from strings to ints (open addressing, FNV-1a),
 * used for word lists, the vocabulary and speaker tables.
 *
 * The map owns copies of its keys; st_map_finish() frees them.  Keys are
 * kept in insertion order in keys[0..n), so iterating is deterministic. */
#ifndef STANCE_STRMAP_H
#define STANCE_STRMAP_H

#include <stddef.h>

struct st_map {
	char **keys;		/* insertion order */
	size_t *lens;		/* lens[i] = strlen(keys[i]) */
	int *vals;		/* vals[i] belongs to keys[i] */
	size_t n, cap;		/* entries, capacity of keys/vals */
	size_t *slots;		/* 0 = empty, else index + 1 */
	size_t nslots;
};

void st_map_init(struct st_map *m);
void st_map_finish(struct st_map *m);
/* Pointer to the value of key[0..len), or NULL. */
int *st_map_getn(const struct st_map *m, const char *key, size_t len);
int *st_map_get(const struct st_map *m, const char *key);
/* Insert key with value v unless present; return a pointer to the stored
 * value either way (so *st_map_put(m, k, 0) += 1 counts). */
int *st_map_putn(struct st_map *m, const char *key, size_t len, int v);
int *st_map_put(struct st_map *m, const char *key, int v);

/* Load a word list: every white-space-separated word of text outside
 * comment lines (#...) is put with value v.  With tabbed set, each line is
 * "word<TAB>class" and the value is the index of class in classes, which
 * is filled as classes are seen. */
void st_map_load_words(struct st_map *m, const char *text, int v);
void st_map_load_classes(struct st_map *m, struct st_map *classes,
                         const char *text);

#endif
