/* lexicon.c - the word lists of pipeline/data/ as maps and word classes,
 * loaded once per process.
 *
 * Reads: the embedded data files (data.h).  Adds: struct st_lexicon
 * (doc.h), which st_lexicon_finish() frees.  Words are folded as tokens
 * are (st_fold_add), so that "Says" and "says" are the same word. */
#include "extract/doc.h"
#include "core/core.h"

#include <stdlib.h>

/* Put every folded word of a list (comments skipped) into classes with
 * bit cls. */
static void add_class(struct st_lexicon *lx, const char *list, unsigned cls)
{
	struct st_map words;
	struct st_buf f = ST_BUF_INIT;
	size_t i;

	st_map_init(&words);
	st_map_load_words(&words, list, 1);
	for (i = 0; i < words.n; i++) {
		st_buf_reset(&f);
		st_fold_add(&f, words.keys[i], words.lens[i]);
		*st_map_putn(&lx->classes, f.s ? f.s : "", f.len, 0) |= (int)cls;
	}
	st_buf_finish(&f);
	st_map_finish(&words);
}

/* cues.txt: a line of forms of one verb, or "phrase: according to". */
static void load_cues(struct st_lexicon *lx)
{
	const char *p;
	struct st_buf line = ST_BUF_INIT;

	for (p = st_data_cues; *p;) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);

		st_buf_reset(&line);
		st_fold_add(&line, p, n);
		st_buf_addc(&line, '\0');
		if (strncmp(line.s, "phrase: ", 8) == 0) {
			int words = 1;
			size_t i;

			for (i = 8; line.s[i]; i++)
				words += line.s[i] == ' ';
			st_map_put(&lx->phrases, line.s + 8, words);
		} else if (n && *p != '#') {
			st_map_load_words(&lx->cues, line.s, 1);
		}
		p = eol ? eol + 1 : p + n;
	}
	st_buf_finish(&line);
}

/* name-context.txt: "word<TAB>always|capital|never" for the word before
 * a quotation, "after: word<TAB>..." for the word after it. */
static void load_context(struct st_lexicon *lx)
{
	struct st_map all, classes;
	size_t i;

	st_map_init(&all);
	st_map_init(&classes);
	st_map_load_classes(&all, &classes, st_data_name_context);
	for (i = 0; i < all.n; i++) {
		const char *k = all.keys[i], *c = classes.keys[all.vals[i]];
		int v = strcmp(c, "always") == 0 ? ST_NC_ALWAYS
		        : strcmp(c, "capital") == 0 ? ST_NC_CAPITAL
		        : ST_NC_NEVER;

		if (strncmp(k, "after: ", 7) == 0)
			st_map_put(&lx->after, k + 7, v);
		else
			st_map_put(&lx->before, k, v);
	}
	st_map_finish(&classes);
	st_map_finish(&all);
}

static void load_pronouns(struct st_lexicon *lx)
{
	struct st_map all, classes;
	size_t i;

	st_map_init(&all);
	st_map_init(&classes);
	st_map_load_classes(&all, &classes, st_data_pronouns);
	for (i = 0; i < all.n; i++) {
		const char *c = classes.keys[all.vals[i]];
		unsigned bit = strcmp(c, "male") == 0 ? ST_W_HE
		               : strcmp(c, "female") == 0 ? ST_W_SHE
		               : ST_W_PRON;

		*st_map_put(&lx->classes, all.keys[i], 0) |= (int)bit;
	}
	st_map_finish(&classes);
	st_map_finish(&all);
}

/* person-nouns.txt: "noun" or "noun<TAB>what it is short for". */
static void load_person_nouns(struct st_lexicon *lx)
{
	const char *p;

	st_map_load_classes(&lx->aliases, &lx->alias_of, st_data_person_nouns);
	for (p = st_data_person_nouns; *p;) {
		size_t n = strcspn(p, "\n"), w = strcspn(p, "\t\n ");

		if (*p != '#' && w)
			*st_map_putn(&lx->classes, p, w, 0) |= ST_W_PERSON;
		p += n + (p[n] == '\n');
	}
}

static void load_clause_words(struct st_lexicon *lx)
{
	static const char *const names[] = { "relative", "opinion",
		"role-join", "that" };
	struct st_map all, classes;
	size_t i, k;

	st_map_init(&all);
	st_map_init(&classes);
	st_map_load_classes(&all, &classes, st_data_clause_words);
	for (i = 0; i < all.n; i++)
		for (k = 0; k < sizeof names / sizeof names[0]; k++)
			if (strcmp(classes.keys[all.vals[i]], names[k]) == 0)
				st_map_put(&lx->clause, all.keys[i], (int)k + 1);
	st_map_finish(&classes);
	st_map_finish(&all);
}

/* Set the bit of every key of m in bits (st_key_bits_may()). */
static void key_bits(unsigned char *bits, const struct st_map *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		unsigned k;

		if (!m->lens[i])
			continue;
		k = st_key_bit(m->keys[i], m->lens[i]);
		bits[k >> 3] |= (unsigned char)(1u << (k & 7));
	}
}

void st_lexicon_init(struct st_lexicon *lx)
{
	size_t i;

	memset(lx, 0, sizeof *lx);
	st_map_init(&lx->cues);
	st_map_init(&lx->phrases);
	st_map_init(&lx->roles);
	st_map_init(&lx->role_classes);
	st_map_init(&lx->nonames);
	st_map_init(&lx->female);
	st_map_init(&lx->male);
	st_map_init(&lx->classes);
	st_map_init(&lx->before);
	st_map_init(&lx->after);
	st_map_init(&lx->aliases);
	st_map_init(&lx->alias_of);
	st_map_init(&lx->clause);
	load_cues(lx);
	st_map_load_classes(&lx->roles, &lx->role_classes, st_data_roles);
	st_map_load_words(&lx->nonames, st_data_nonames, 1);
	st_map_load_words(&lx->female, st_data_female_names, 1);
	st_map_load_words(&lx->male, st_data_male_names, 1);
	add_class(lx, st_data_function_words, ST_W_FUNC);
	add_class(lx, st_data_determiners, ST_W_DET);
	add_class(lx, st_data_prepositions, ST_W_PREP);
	add_class(lx, st_data_gap_words, ST_W_SKIP);
	add_class(lx, st_data_org_nouns, ST_W_ORG);
	add_class(lx, st_data_abbreviations, ST_W_ABBR);
	load_pronouns(lx);
	load_context(lx);
	load_person_nouns(lx);
	load_clause_words(lx);
	add_class(lx, st_data_group_stop_words, ST_W_NOGROUP);
	add_class(lx, st_data_conjunctions, ST_W_CONJ);
	for (i = 0; i < lx->roles.n; i++)
		*st_map_put(&lx->classes, lx->roles.keys[i], 0) |= ST_W_ROLE;
	for (i = 0; i < lx->cues.n; i++)
		*st_map_put(&lx->classes, lx->cues.keys[i], 0) |= ST_W_CUE;
	for (i = 0; i < lx->phrases.n; i++)
		*st_map_putn(&lx->classes, lx->phrases.keys[i],
		             strcspn(lx->phrases.keys[i], " "), 0) |= ST_W_PHRASE;
	key_bits(lx->class_bits, &lx->classes);
	key_bits(lx->noname_bits, &lx->nonames);
}

void st_lexicon_finish(struct st_lexicon *lx)
{
	st_map_finish(&lx->cues);
	st_map_finish(&lx->phrases);
	st_map_finish(&lx->roles);
	st_map_finish(&lx->role_classes);
	st_map_finish(&lx->nonames);
	st_map_finish(&lx->female);
	st_map_finish(&lx->male);
	st_map_finish(&lx->classes);
	st_map_finish(&lx->before);
	st_map_finish(&lx->after);
	st_map_finish(&lx->aliases);
	st_map_finish(&lx->alias_of);
	st_map_finish(&lx->clause);
}
