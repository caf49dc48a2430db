/* actors.h - who is who: the actor dictionary (people, parties, blocs,
 * factions, ministries, institutions, think tanks, states), their name
 * variants, and their affiliations with dates, in the manner of the
 * PETRARCH / TABARI actor dictionaries.
 *
 * A dictionary file is UTF-8 text, one record a line, fields separated by
 * tabs; blank lines and lines starting with # are skipped:
 *   actor<TAB>ID<TAB>KIND<TAB>Variant|Variant|...
 *   aff<TAB>ID<TAB>FROM<TAB>TO<TAB>CAMP<TAB>CODE<TAB>ROLE
 * KIND is one of person, party, bloc, faction, ministry, institution,
 * thinktank, state.  The first variant is the actor's name as reports give
 * it.  FROM and TO are YYYY-MM-DD, both days included, or empty for an open
 * end; CAMP is one of the four default labels; CODE is a short code (GOV,
 * OPP, RPA, ...) that the features use; ROLE says what the actor was.
 * An aff record may come before or after its actor record, or in a later
 * file than it.
 *
 * Files are loaded in order into one dictionary: the shipped one
 * (pipeline/data/actors.txt, compiled in), then the user's.  An ID that a
 * later file defines again replaces the earlier entry: its actor record
 * replaces the variants and kind, its aff records replace every earlier
 * aff record of that ID.
 *
 * Names are compared case-folded (utf8proc), with marks, dots, commas,
 * hyphens and apostrophes ignored, so "Ter-Petrosyan", "Ter Petrosyan" and
 * "TER-PETROSYAN" are one name.  Library code: nothing here prints or
 * exits. */
#ifndef STANCE_ACTORS_H
#define STANCE_ACTORS_H

#include <stddef.h>
#include "util.h"

struct st_actors;

/* An affiliation.  Every string belongs to the dictionary; from and to
 * are "" for an open end. */
struct st_aff {
	const char *from, *to, *camp, *code, *role;
};

/* An empty dictionary; st_actors_free() frees it and everything it gave
 * out (NULL is fine). */
struct st_actors *st_actors_new(void);
void st_actors_free(struct st_actors *a);

/* Add the records of text[0..len) (named path in messages; path must
 * outlive the error).  On a bad record returns -1 with err as
 * "PATH:LINE: what is wrong" and leaves the dictionary as it was before
 * the call. */
int st_actors_load(struct st_actors *a, const char *path, const char *text,
                   size_t len, struct st_error *err);
/* The same for the file path ("-" is stdin). */
int st_actors_load_file(struct st_actors *a, const char *path,
                        struct st_error *err);
/* The shipped dictionary (pipeline/data/actors.txt). */
int st_actors_load_default(struct st_actors *a, struct st_error *err);

/* Number of actors, and what each is (i from 0 to st_actors_count() - 1).
 * The strings belong to the dictionary. */
size_t st_actors_count(const struct st_actors *a);
const char *st_actor_id(const struct st_actors *a, int i);
const char *st_actor_kind(const struct st_actors *a, int i);
const char *st_actor_name(const struct st_actors *a, int i);

/* The actor a speaker's name stands for, or -1.  Titles ("Prime
 * Minister", "Mr.", "Archbishop") and a leading "the" are stripped first;
 * then the name must equal a variant, or be a surname (the last word of
 * a person's variant) that only one person has, or have its first and last
 * words equal a person's variant's. */
int st_actors_find(const struct st_actors *a, const char *speaker);

/* The organisation (any kind but person and state) a role names, or -1:
 * the longest variant found as whole words in role, e.g. "an MP from the
 * I Have Honor faction".  A variant does not count up to two words after
 * "former" or "ex" (a former minister no longer speaks for the ministry),
 * right after "pro", "anti" or another country's adjective ("the French
 * foreign minister"), joined to a word by a hyphen ("EU-Armenia
 * relations"), or inside a longer capitalised name ("the Sovereign
 * Armenia bloc").  A state in a role is mostly a place ("an envoy in
 * Moscow"), so states are left to speakers. */
int st_actors_find_role(const struct st_actors *a, const char *role);

/* Actor i's affiliations on date (YYYY-MM-DD), in file order, into
 * out[0..max); the number found is returned (it may exceed max).  When
 * date is NULL or "" the latest are returned: those open at the end, or
 * else those that ended last. */
size_t st_actors_affs(const struct st_actors *a, int i, const char *date,
                      const struct st_aff **out, size_t max);

/* What a quote's speaker and role resolve to on date: the speaker's
 * actor when it has an affiliation then, else the role's organisation
 * when it has one.  Fills *actor (or -1) and returns the number of
 * affiliations put in out[0..max) (as st_actors_affs), 0 when nothing
 * matched. */
size_t st_actors_resolve(const struct st_actors *a, const char *speaker,
                         const char *role, const char *date, int *actor,
                         const struct st_aff **out, size_t max);

/* s[0..n) without leading titles ("Prime Minister", "Mr.", "Dr",
 * "Archbishop", ...) and without surrounding white space and trailing
 * punctuation, appended to out with its case kept: "Prime Minister Nikol
 * Pashinyan" -> "Nikol Pashinyan".  A name that is nothing but titles is
 * kept whole. */
void st_name_strip_titles(const char *s, size_t n, struct st_buf *out);

/* The name key of s: case-folded words separated by single spaces,
 * with the marks and punctuation named above dropped, appended to out.
 * Invalid UTF-8 is skipped. */
void st_name_fold(const char *s, size_t n, struct st_buf *out);

#endif
