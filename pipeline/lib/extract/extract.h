/* extract.h - from an article to its quoted statements,
 * who made them and in what role, the article's date and source, and who
 * is who (the actor dictionary).  The passes of extraction share
 * extract/doc.h, which nothing outside this folder includes.  Bad text
 * was refused by the text layer before; what fails here is a bad actor
 * file, named by file and line. */
#ifndef STANCE_EXTRACT_H
#define STANCE_EXTRACT_H

#include "core/core.h"
#include "text/text.h"
#include "io/io.h"
#include <stddef.h>

/* extract.h - finding the quoted statements of an article and who made
 * them.
 *
 * An article is UTF-8 text, one paragraph per line.  A quoted statement is
 * the text inside one pair of quotation marks within one paragraph: ASCII
 * and curly double quotes, „ “, « », ‹ ›, two apostrophes, and the HTML
 * entities for them.  Single curly quotes outside a word are marks in an
 * article that quotes a sentence or more with them (the British style);
 * elsewhere they are apostrophes, scare quotes or nested quotes, which
 * stay inside the outer quote.  A paragraph whose
 * quotation is not closed runs to its end; if the next paragraph opens
 * with a mark, that quotation continues there with the same speaker (and
 * in up to three paragraphs without an opening mark, each ending a
 * sentence, when one of them closes it).
 * Paragraphs end at LF, CRLF or a lone CR; a leading byte order mark is
 * skipped.  A quotation still open where the text ends is a page cut off,
 * not a statement: it is left out (see st_extract_cutoffs).
 *
 * Each quote gets a kind (full sentence or partial words inside the
 * reporter's sentence), a speaker (a person's full name, resolved from
 * surnames, pronouns and "the minister"; or a group such as "officials"),
 * the speaker's role from the first mention that gives one, and the
 * attribution context.  Names, titles and scare quotes in quotation marks
 * are left out.  Cue verbs, role words and the words that are never names
 * come from pipeline/data/. */


struct st_extractor;

/* Compile the patterns and load the word lists once per process.  NULL
 * with err filled on failure; free with st_extractor_free() (NULL is
 * fine). */
struct st_extractor *st_extractor_new(struct st_error *err);
void st_extractor_free(struct st_extractor *x);

/* Append the quotes of the article text[0..len) to out, ids numbered from
 * 1, article set to id, tokens filled with tk (which may be NULL to leave
 * them empty).  text must be valid UTF-8 (see st_check_text); the offsets
 * are byte offsets into it. */
void st_extract(struct st_extractor *x, struct st_tokenizer *tk,
                const char *id, const char *text, size_t len,
                struct st_quotes *out);

/* The quotations that the last st_extract() call left out because they
 * were still open where the text ends (a page cut off): their number, and
 * in *at the byte offsets of their opening marks, valid until the next
 * call.  The caller decides whether to warn. */
size_t st_extract_cutoffs(const struct st_extractor *x, const size_t **at);

/* Limits, so that a runaway input is an error and not a long wait:
 * the largest article, the most quotes in one, the longest quote. */
#define ST_MAX_ARTICLE (64 << 20)
#define ST_MAX_QUOTES 100000
#define ST_MAX_QUOTE (256 << 10)

/* Check text[0..len) (named path in messages) and, when qs is not NULL,
 * its quotes against the limits; -1 with err naming the line if one is
 * passed. */
int st_check_limits(const char *path, const char *text, size_t len,
                    const struct st_quotes *qs, struct st_error *err);

/* dateline.h - an article's date and source, from its dateline or byline
 * or from its file name.
 *
 * Only the first paragraphs are read (ST_DATELINE_PARAS of them), and in
 * them only what stands where a dateline or a date line stands, so that a
 * date the story mentions ("on March 10 it renounced ...") is not taken
 * for the article's:
 *   - a paragraph that opens with a dateline: an upper-case place, a comma
 *     and a date, "YEREVAN, May 22 /ARKA/." or "MOSCOW, June 12, 2024
 *     (Reuters) -"; a date without a year takes the year of the file
 *     name's date, else of the first year (19xx, 20xx) in the first
 *     paragraphs, else it is not used;
 *   - a short paragraph (a date or byline line, at most 120 bytes) or the
 *     opening of a paragraph holding a whole date: "June 12, 2024",
 *     "12 June 2024", "22.05.2023", "2024-06-12", with an optional weekday
 *     and time around it ("Published: 22.05.2023 14:05").
 * Failing those, the date is the YYYY-MM-DD that the article id begins
 * with ("2024-06-12-csto-summit").  Months are English names or their
 * abbreviations, in any case.
 *
 * The source is the agency the dateline names: "/ARKA/" gives ARKA,
 * "(Reuters)" Reuters, "(AP)" AP, "ARMENPRESS" Armenpress; "" when there
 * is none.  Library code: nothing here prints or exits. */


#define ST_DATELINE_PARAS 5

struct st_quotes;

/* The date and source of the article id with text text[0..len) (UTF-8).
 * date gets "YYYY-MM-DD" or "" (it holds 11 bytes); source gets the
 * agency or "" (cut to size bytes, terminated).  Returns 1 when a date
 * was found, 0 when not. */
int st_article_date(const char *id, const char *text, size_t len,
                    char *date, char *source, size_t size);

/* Is s a real day in the form YYYY-MM-DD? */
int st_valid_date(const char *s);

/* Set the date and source of the quotes qs->q[from..qs->n) (an article's
 * quotes just extracted). */
void st_quotes_set_date(struct st_quotes *qs, size_t from, const char *date,
                        const char *source);

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
 * Names are compared by their key, st_name_fold() (text.h): "Ter-Petrosyan",
 * "Ter Petrosyan" and "TER-PETROSYAN" are one name.  Library code: nothing
 * here prints or exits. */


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


#endif
