/* test_feature.c - terms, vocabulary, weighting and LIBSVM lines
 * (feature.h). */
#include <stdio.h>
#include <check.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "learn/learn.h"
#include "learn/internal.h"
#include "suites.h"

/* ---- groups ----------------------------------------------------------- */

START_TEST(test_groups_parse)
{
	unsigned g = 12345;

	ck_assert_int_eq(st_groups_parse("words,role", &g), 0);
	ck_assert_uint_eq(g, ST_G_WORDS | ST_G_ROLE);
	ck_assert_uint_eq(g, 17);
	ck_assert_int_eq(st_groups_parse("lexicon", &g), 0);
	ck_assert_uint_eq(g, 32);
	ck_assert_int_eq(st_groups_parse("words,bigrams,chars,context,role,"
	                                 "lexicon", &g), 0);
	ck_assert_uint_eq(g, ST_G_ALL & ~ST_G_ACTORS);
	ck_assert_uint_eq(g, 63);
	ck_assert_int_eq(st_groups_parse("actors", &g), 0);
	ck_assert_uint_eq(g, 64);
	ck_assert_int_eq(st_groups_parse("words,bigrams,chars,context,role,"
	                                 "lexicon,actors", &g), 0);
	ck_assert_uint_eq(g, ST_G_ALL);
	ck_assert_uint_eq(g, 127);
	ck_assert_int_eq(st_groups_parse("chars,chars", &g), 0);
	ck_assert_uint_eq(g, ST_G_CHARS);
	g = 999;
	ck_assert_int_eq(st_groups_parse("bogus", &g), -1);
	ck_assert_int_eq(st_groups_parse("words,bogus", &g), -1);
	ck_assert_int_eq(st_groups_parse("Words", &g), -1);
	ck_assert_int_eq(st_groups_parse("word", &g), -1);
	ck_assert_int_eq(st_groups_parse("wordsx", &g), -1);
	ck_assert_int_eq(st_groups_parse("words,,role", &g), -1);
	ck_assert_int_eq(st_groups_parse("", &g), -1);
	ck_assert_uint_eq(g, 999);
}
END_TEST

START_TEST(test_groups_format)
{
	char buf[72];
	char small[10];
	unsigned g;

	st_groups_format(ST_G_DEFAULT, buf, sizeof buf);
	ck_assert_str_eq(buf, "words,bigrams,context,role,lexicon,actors");
	st_groups_format(ST_G_ALL, buf, sizeof buf);
	ck_assert_str_eq(buf, "words,bigrams,chars,context,role,lexicon,"
	                 "actors");
	st_groups_format(ST_G_ROLE | ST_G_WORDS, buf, sizeof buf);
	ck_assert_str_eq(buf, "words,role");
	st_groups_format(0, buf, sizeof buf);
	ck_assert_str_eq(buf, "");
	/* a short buffer gets a cut, terminated string */
	st_groups_format(ST_G_ALL, small, sizeof small);
	ck_assert_str_eq(small, "words,big");
	/* and the two are inverses */
	st_groups_format(ST_G_CHARS | ST_G_LEXICON | ST_G_BIGRAMS, buf,
	                 sizeof buf);
	ck_assert_str_eq(buf, "bigrams,chars,lexicon");
	ck_assert_int_eq(st_groups_parse(buf, &g), 0);
	ck_assert_uint_eq(g, ST_G_CHARS | ST_G_LEXICON | ST_G_BIGRAMS);
}
END_TEST

/* ---- terms ------------------------------------------------------------ */

static struct st_featurizer *fz;

static void fz_setup(void)
{
	struct st_error err;

	fz = st_featurizer_new(&err);
	ck_assert_msg(fz != NULL, "st_featurizer_new: %s", err.msg);
}

static void fz_teardown(void)
{
	st_featurizer_free(fz);
	fz = NULL;
}

static int count_of(const struct st_map *m, const char *term)
{
	int *v = st_map_get(m, term);
	return v ? *v : 0;
}

static void make_quote(struct st_quote *q, const char *text,
                       const char *role, const char *context,
                       const char *tokens)
{
	memset(q, 0, sizeof *q);
	q->article = strdup("a");
	q->speaker = strdup("");
	q->text = strdup(text);
	q->role = strdup(role);
	q->context = strdup(context);
	q->tokens = strdup(tokens);
	q->stance = strdup("");
}

/* The actor terms of a quote by speaker with role on date. */
static void actor_terms(const char *speaker, const char *role,
                        const char *date, struct st_map *t)
{
	struct st_quote q;

	make_quote(&q, "We will return to the alliance.", role, "", "");
	free(q.speaker);
	q.speaker = strdup(speaker);
	q.date = strdup(date);
	st_quote_terms(fz, &q, ST_G_ACTORS, t);
	st_quote_finish(&q);
}

START_TEST(test_actor_terms)
{
	struct st_map t;

	st_map_init(&t);
	/* one person, labelled by the affiliation on each article's date */
	actor_terms("Robert Kocharyan", "", "2005-03-01", &t);
	ck_assert_uint_eq(t.n, 2);
	ck_assert_str_eq(t.keys[0], "actor:GOV");
	ck_assert_str_eq(t.keys[1], "actor_camp:government");
	actor_terms("former President Robert Kocharian", "", "2022-03-01", &t);
	ck_assert_uint_eq(t.n, 2);
	ck_assert_str_eq(t.keys[0], "actor:HAYASTAN");
	ck_assert_str_eq(t.keys[1], "actor_camp:pro-Russia_opposition");
	/* the speaker's and the role's organisation's, each once */
	actor_terms("Serzh Sargsyan", "leader of the Republican Party",
	            "2019-01-01", &t);
	ck_assert_uint_eq(t.n, 2);
	ck_assert_str_eq(t.keys[0], "actor:RPA");
	actor_terms("Ani Hakobyan", "an MP from the I Have Honor faction",
	            "2023-05-01", &t);
	ck_assert_uint_eq(t.n, 2);
	ck_assert_str_eq(t.keys[0], "actor:HONOR");
	actor_terms("Sergei Lavrov", "Russian foreign minister", "", &t);
	ck_assert_uint_eq(t.n, 2);
	ck_assert_str_eq(t.keys[0], "actor:RUS");
	ck_assert_str_eq(t.keys[1], "actor_camp:other");
	/* unknown: one term that says so */
	actor_terms("Ani Hakobyan", "opposition MP", "2023-05-01", &t);
	ck_assert_uint_eq(t.n, 1);
	ck_assert_str_eq(t.keys[0], "actor:none");
	st_map_finish(&t);
}
END_TEST

START_TEST(test_quote_terms_default)
{
	struct st_quote q;
	struct st_map t;

	make_quote(&q, "The CSTO failed us, and failed us again.",
	           "opposition MP", "an opposition MP said", "");
	st_map_init(&t);
	st_quote_terms(fz, &q, ST_G_DEFAULT, &t);
	/* words: the csto fail us and fail us again */
	ck_assert_int_eq(count_of(&t, "w:the"), 1);
	ck_assert_int_eq(count_of(&t, "w:csto"), 1);
	ck_assert_int_eq(count_of(&t, "w:fail"), 2);
	ck_assert_int_eq(count_of(&t, "w:us"), 2);
	ck_assert_int_eq(count_of(&t, "w:and"), 1);
	ck_assert_int_eq(count_of(&t, "w:again"), 1);
	ck_assert_int_eq(count_of(&t, "w:failed"), 0);
	/* bigrams */
	ck_assert_int_eq(count_of(&t, "b:the_csto"), 1);
	ck_assert_int_eq(count_of(&t, "b:csto_fail"), 1);
	ck_assert_int_eq(count_of(&t, "b:fail_us"), 2);
	ck_assert_int_eq(count_of(&t, "b:us_and"), 1);
	ck_assert_int_eq(count_of(&t, "b:and_fail"), 1);
	ck_assert_int_eq(count_of(&t, "b:us_again"), 1);
	/* context and role, tokenised */
	ck_assert_int_eq(count_of(&t, "c:an"), 1);
	ck_assert_int_eq(count_of(&t, "c:opposit"), 1);
	ck_assert_int_eq(count_of(&t, "c:mp"), 1);
	ck_assert_int_eq(count_of(&t, "c:said"), 1);
	ck_assert_int_eq(count_of(&t, "r:opposit"), 1);
	ck_assert_int_eq(count_of(&t, "r:mp"), 1);
	/* lexicon classes from the role and the context */
	ck_assert_int_eq(count_of(&t, "l:opposition"), 2);
	ck_assert_int_eq(count_of(&t, "l:legislature"), 2);
	/* no chars by default */
	ck_assert_int_eq(count_of(&t, "n:<th"), 0);
	/* no known speaker or organisation */
	ck_assert_int_eq(count_of(&t, "actor:none"), 1);
	/* 6 words + 6 bigrams + 4 context + 2 role + 2 lexicon + 1 actor */
	ck_assert_uint_eq(t.n, 21);
	/* the first terms in insertion order */
	ck_assert_str_eq(t.keys[0], "w:the");
	ck_assert_str_eq(t.keys[1], "w:csto");
	ck_assert_str_eq(t.keys[2], "b:the_csto");
	st_map_finish(&t);
	st_quote_finish(&q);
}
END_TEST

START_TEST(test_quote_terms_groups)
{
	struct st_quote q;
	struct st_map t;

	make_quote(&q, "Not again", "deputy foreign minister",
	           "the deputy minister said", "");
	st_map_init(&t);
	st_quote_terms(fz, &q, ST_G_CHARS, &t);
	/* <not> <again>: 3 + 5 byte 3-grams */
	ck_assert_uint_eq(t.n, 8);
	ck_assert_int_eq(count_of(&t, "n:<no"), 1);
	ck_assert_int_eq(count_of(&t, "n:not"), 1);
	ck_assert_int_eq(count_of(&t, "n:ot>"), 1);
	ck_assert_int_eq(count_of(&t, "n:<ag"), 1);
	ck_assert_int_eq(count_of(&t, "n:in>"), 1);
	ck_assert_int_eq(count_of(&t, "w:not"), 0);

	/* the map is reset on each call */
	st_quote_terms(fz, &q, ST_G_LEXICON, &t);
	ck_assert_uint_eq(t.n, 1);
	/* deputy, minister (role) + deputy, minister (context) */
	ck_assert_int_eq(count_of(&t, "l:executive"), 4);
	ck_assert_int_eq(count_of(&t, "l:diplomat"), 0);
	ck_assert_int_eq(count_of(&t, "l:foreign"), 0);

	st_quote_terms(fz, &q, ST_G_ROLE, &t);
	ck_assert_uint_eq(t.n, 3);
	ck_assert_str_eq(t.keys[0], "r:deputi");
	ck_assert_str_eq(t.keys[1], "r:foreign");
	ck_assert_str_eq(t.keys[2], "r:minist");
	st_map_finish(&t);
	st_quote_finish(&q);
}
END_TEST

START_TEST(test_quote_terms_uses_tokens_column)
{
	struct st_quote q;
	struct st_map t;

	/* a filled tokens column wins over the text */
	make_quote(&q, "Completely different words", "", "",
	           "alpha beta alpha");
	st_map_init(&t);
	st_quote_terms(fz, &q, ST_G_WORDS | ST_G_BIGRAMS, &t);
	ck_assert_uint_eq(t.n, 4);
	ck_assert_int_eq(count_of(&t, "w:alpha"), 2);
	ck_assert_int_eq(count_of(&t, "w:beta"), 1);
	ck_assert_int_eq(count_of(&t, "b:alpha_beta"), 1);
	ck_assert_int_eq(count_of(&t, "b:beta_alpha"), 1);
	ck_assert_int_eq(count_of(&t, "w:complet"), 0);
	st_map_finish(&t);
	st_quote_finish(&q);
}
END_TEST

/* ---- vocabulary ------------------------------------------------------- */

/* Three small documents:
 *   d0: w:b w:b w:a
 *   d1: w:b c:x w:Z
 *   d2: w:b r:y w:a w:é
 * df: w:b 3, w:a 2, c:x 1, w:Z 1, r:y 1, w:é 1 */
static void make_docs(struct st_map *d)
{
	int i;

	for (i = 0; i < 3; i++)
		st_map_init(&d[i]);
	*st_map_put(&d[0], "w:b", 0) = 2;
	*st_map_put(&d[0], "w:a", 0) = 1;
	*st_map_put(&d[1], "w:b", 0) = 1;
	*st_map_put(&d[1], "c:x", 0) = 1;
	*st_map_put(&d[1], "w:Z", 0) = 1;
	*st_map_put(&d[2], "w:b", 0) = 1;
	*st_map_put(&d[2], "r:y", 0) = 1;
	*st_map_put(&d[2], "w:a", 0) = 1;
	*st_map_put(&d[2], "w:\xc3\xa9", 0) = 1;
}

static void free_docs(struct st_map *d)
{
	int i;

	for (i = 0; i < 3; i++)
		st_map_finish(&d[i]);
}

static double idf(long n, long df)
{
	return log((1.0 + (double)n) / (1.0 + (double)df)) + 1.0;
}

START_TEST(test_vocab_build_min_df_1)
{
	static const char *const order[] = { "c:x", "r:y", "w:Z", "w:a", "w:b",
	                                     "w:\xc3\xa9" };
	static const long df[] = { 1, 1, 1, 2, 3, 1 };
	struct st_map d[3];
	struct st_vocab v;
	int i;

	make_docs(d);
	st_vocab_init(&v);
	st_vocab_build(&v, d, 3, ST_G_WORDS | ST_G_CONTEXT | ST_G_ROLE, 1);
	ck_assert_uint_eq(st_vocab_size(&v), 6);
	ck_assert_int_eq(v.ndocs, 3);
	ck_assert_uint_eq(v.groups, ST_G_WORDS | ST_G_CONTEXT | ST_G_ROLE);
	for (i = 0; i < 6; i++) {
		/* byte order of the terms: capitals before small letters,
		 * UTF-8 after ASCII */
		ck_assert_str_eq(v.idx.keys[i], order[i]);
		ck_assert_int_eq(*st_map_get(&v.idx, order[i]), i + 1);
		ck_assert_int_eq(v.df[i], df[i]);
		ck_assert_double_eq_tol(v.idf[i], idf(3, df[i]), 1e-15);
	}
	ck_assert_double_eq_tol(v.idf[4], 1.0, 1e-15);	/* in every doc */
	ck_assert_double_eq_tol(v.idf[0], log(2.0) + 1.0, 1e-15);
	ck_assert_double_eq_tol(v.idf[3], log(4.0 / 3.0) + 1.0, 1e-15);
	st_vocab_finish(&v);
	free_docs(d);
}
END_TEST

START_TEST(test_vocab_build_min_df_2)
{
	struct st_map d[3];
	struct st_vocab v;

	make_docs(d);
	st_vocab_init(&v);
	st_vocab_build(&v, d, 3, ST_G_WORDS, 2);
	ck_assert_uint_eq(st_vocab_size(&v), 2);
	ck_assert_str_eq(v.idx.keys[0], "w:a");
	ck_assert_str_eq(v.idx.keys[1], "w:b");
	ck_assert_int_eq(*st_map_get(&v.idx, "w:a"), 1);
	ck_assert_int_eq(*st_map_get(&v.idx, "w:b"), 2);
	ck_assert_ptr_null(st_map_get(&v.idx, "c:x"));
	ck_assert_int_eq(v.df[0], 2);
	ck_assert_int_eq(v.df[1], 3);
	ck_assert_double_eq_tol(v.idf[0], log(4.0 / 3.0) + 1.0, 1e-15);
	ck_assert_double_eq_tol(v.idf[1], 1.0, 1e-15);
	/* min_df above every df: an empty vocabulary */
	st_vocab_build(&v, d, 3, ST_G_WORDS, 4);
	ck_assert_uint_eq(st_vocab_size(&v), 0);
	ck_assert_int_eq(v.ndocs, 3);
	st_vocab_finish(&v);
	free_docs(d);
}
END_TEST

static char *vocab_text(const struct st_vocab *v)
{
	char *s = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&s, &n);

	ck_assert_ptr_nonnull(fp);
	st_vocab_write(fp, v);
	fclose(fp);
	return s;
}

START_TEST(test_vocab_write_exact)
{
	struct st_map d[3];
	struct st_vocab v;
	char *s;

	make_docs(d);
	st_vocab_init(&v);
	st_vocab_build(&v, d, 3, ST_G_WORDS | ST_G_ROLE, 2);
	s = vocab_text(&v);
	ck_assert_str_eq(s, "stance-vocab 1\n"
	                 "documents 3\n"
	                 "groups words,role\n"
	                 "terms 2\n"
	                 "1\tw:a\t2\t1.2876820724517808\n"
	                 "2\tw:b\t3\t1\n");
	free(s);
	st_vocab_finish(&v);
	free_docs(d);
}
END_TEST

START_TEST(test_vocab_round_trip)
{
	struct st_map d[3];
	struct st_vocab v, back;
	struct st_error err;
	char *s, *s2;
	size_t i;

	make_docs(d);
	st_vocab_init(&v);
	st_vocab_init(&back);
	st_vocab_build(&v, d, 3, ST_G_DEFAULT, 1);
	s = vocab_text(&v);
	ck_assert_int_eq(st_vocab_read("vocab.txt", s, strlen(s), &back, &err),
	                 0);
	ck_assert_uint_eq(st_vocab_size(&back), 6);
	ck_assert_int_eq(back.ndocs, 3);
	ck_assert_uint_eq(back.groups, ST_G_DEFAULT);
	for (i = 0; i < 6; i++) {
		ck_assert_str_eq(back.idx.keys[i], v.idx.keys[i]);
		ck_assert_int_eq(back.idx.vals[i], (int)i + 1);
		ck_assert_int_eq(back.df[i], v.df[i]);
		/* %.17g gives the same double back, bit for bit */
		ck_assert(back.idf[i] == v.idf[i]);
	}
	s2 = vocab_text(&back);
	ck_assert_str_eq(s2, s);
	free(s);
	free(s2);
	st_vocab_finish(&v);
	st_vocab_finish(&back);
	free_docs(d);
}
END_TEST

static void expect_vocab_error(const char *text, long line, const char *msg)
{
	struct st_vocab v;
	struct st_error err;

	st_vocab_init(&v);
	memset(&err, 0, sizeof err);
	ck_assert_int_eq(st_vocab_read("vocab.txt", text, strlen(text), &v,
	                               &err), -1);
	ck_assert_str_eq(err.file, "vocab.txt");
	ck_assert_int_eq(err.line, line);
	ck_assert_str_eq(err.msg, msg);
	/* nothing half-read is left behind */
	ck_assert_uint_eq(st_vocab_size(&v), 0);
	ck_assert_ptr_null(v.df);
	st_vocab_finish(&v);
}

#define VHEAD "stance-vocab 1\ndocuments 3\ngroups words\n"

START_TEST(test_vocab_read_errors)
{
	expect_vocab_error("stance-vocab 2\n" "documents 3\n", 1,
	                   "not a stance vocabulary (version 1)");
	expect_vocab_error("article,quote\n", 1,
	                   "not a stance vocabulary (version 1)");
	expect_vocab_error("", 1, "truncated vocabulary");
	expect_vocab_error("stance-vocab 1\ndocuments 3\n", 2,
	                   "truncated vocabulary");
	expect_vocab_error("stance-vocab 1\ndocuments -3\n", 2,
	                   "bad documents line");
	expect_vocab_error("stance-vocab 1\ndocuments 3\ngroups bogus\n", 3,
	                   "bad groups line");
	expect_vocab_error(VHEAD "terms x\n", 4, "bad terms line");
	/* cut short: the header promises three terms */
	expect_vocab_error(VHEAD "terms 3\n1\tw:a\t2\t1.5\n2\tw:b\t3\t1\n", 6,
	                   "expected 3 terms, found 2");
	/* cut in the middle of a line */
	expect_vocab_error(VHEAD "terms 3\n1\tw:a\t2\t1.5\n2\tw:b\t3", 6,
	                   "bad vocabulary entry");
	expect_vocab_error(VHEAD "terms 1\n1\tw:a\t2\t1.5\n2\tw:b\t3\t1\n", 6,
	                   "bad vocabulary entry");
	expect_vocab_error(VHEAD "terms 2\n1\tw:a\t2\t1.5\n3\tw:b\t3\t1\n", 6,
	                   "bad vocabulary entry");
	expect_vocab_error(VHEAD "terms 1\n1\tx:a\t2\t1.5\n", 5,
	                   "bad vocabulary entry");
	expect_vocab_error(VHEAD "terms 1\n1\tw:a\t2\tnan\n", 5,
	                   "bad vocabulary entry");
	expect_vocab_error(VHEAD "terms 2\n1\tw:b\t2\t1.5\n2\tw:a\t3\t1\n", 6,
	                   "terms out of order or repeated");
	expect_vocab_error(VHEAD "terms 2\n1\tw:a\t2\t1.5\n2\tw:a\t3\t1\n", 6,
	                   "terms out of order or repeated");
}
END_TEST

START_TEST(test_vocab_read_empty_vocab)
{
	struct st_vocab v;
	struct st_error err;
	static const char text[] = VHEAD "terms 0\n";

	st_vocab_init(&v);
	ck_assert_int_eq(st_vocab_read("vocab.txt", text, strlen(text), &v,
	                               &err), 0);
	ck_assert_uint_eq(st_vocab_size(&v), 0);
	ck_assert_int_eq(v.ndocs, 3);
	ck_assert_uint_eq(v.groups, ST_G_WORDS);
	st_vocab_finish(&v);
}
END_TEST

/* ---- vectors ---------------------------------------------------------- */

START_TEST(test_vectorize)
{
	struct st_map d[3], terms;
	struct st_vocab v;
	struct st_vec x;
	double wa, wb, wnorm, norm2 = 0;
	size_t k;

	make_docs(d);
	st_vocab_init(&v);
	/* three groups enabled: words, context, role */
	st_vocab_build(&v, d, 3, ST_G_WORDS | ST_G_CONTEXT | ST_G_ROLE, 1);
	/* indices: c:x 1, r:y 2, w:Z 3, w:a 4, w:b 5, w:é 6 */
	st_map_init(&terms);
	*st_map_put(&terms, "w:b", 0) = 2;
	*st_map_put(&terms, "unknown:term", 0) = 5;
	*st_map_put(&terms, "w:nope", 0) = 1;
	*st_map_put(&terms, "c:x", 0) = 3;
	*st_map_put(&terms, "w:a", 0) = 1;
	st_vec_init(&x);
	st_vectorize(&v, &terms, &x);
	ck_assert_uint_eq(x.n, 3);
	ck_assert_int_eq(x.idx[0], 1);
	ck_assert_int_eq(x.idx[1], 4);
	ck_assert_int_eq(x.idx[2], 5);
	/* (1 + ln tf) * idf, each group L2-normalised, then / sqrt(3) */
	wa = 1.0 * idf(3, 2);
	wb = (1.0 + log(2.0)) * idf(3, 3);
	wnorm = sqrt(wa * wa + wb * wb);
	ck_assert_double_eq_tol(x.val[0], 1.0 / sqrt(3.0), 1e-12);
	ck_assert_double_eq_tol(x.val[1], wa / wnorm / sqrt(3.0), 1e-12);
	ck_assert_double_eq_tol(x.val[2], wb / wnorm / sqrt(3.0), 1e-12);
	/* two of three groups present: norm sqrt(2)/sqrt(3) */
	for (k = 0; k < x.n; k++)
		norm2 += x.val[k] * x.val[k];
	ck_assert_double_eq_tol(sqrt(norm2), sqrt(2.0) / sqrt(3.0), 1e-12);

	/* all three present: norm 1 */
	*st_map_put(&terms, "r:y", 0) = 1;
	st_vectorize(&v, &terms, &x);
	ck_assert_uint_eq(x.n, 4);
	ck_assert_int_eq(x.idx[1], 2);
	ck_assert_double_eq_tol(x.val[1], 1.0 / sqrt(3.0), 1e-12);
	for (k = 1, norm2 = x.val[0] * x.val[0]; k < x.n; k++) {
		ck_assert_int_gt(x.idx[k], x.idx[k - 1]);
		norm2 += x.val[k] * x.val[k];
	}
	ck_assert_double_eq_tol(sqrt(norm2), 1.0, 1e-12);

	/* nothing known: an empty vector */
	st_map_finish(&terms);
	*st_map_put(&terms, "w:zzz", 0) = 1;
	st_vectorize(&v, &terms, &x);
	ck_assert_uint_eq(x.n, 0);
	st_map_finish(&terms);
	st_vec_finish(&x);
	st_vocab_finish(&v);
	free_docs(d);
}
END_TEST

START_TEST(test_vectorize_quote_end_to_end)
{
	struct st_quote q;
	struct st_map doc, terms;
	struct st_vocab v;
	struct st_vec x;
	double norm2 = 0;
	size_t k;

	/* one document: every term has df 1, idf 1 */
	make_quote(&q, "No, no and no", "opposition MP", "", "");
	st_map_init(&doc);
	st_map_init(&terms);
	st_quote_terms(fz, &q, ST_G_WORDS | ST_G_ROLE | ST_G_LEXICON, &doc);
	st_vocab_init(&v);
	st_vocab_build(&v, &doc, 1, ST_G_WORDS | ST_G_ROLE | ST_G_LEXICON, 1);
	/* l:legislature l:opposition r:mp r:opposit w:and w:no */
	ck_assert_uint_eq(st_vocab_size(&v), 6);
	ck_assert_str_eq(v.idx.keys[0], "l:legislature");
	ck_assert_str_eq(v.idx.keys[5], "w:no");
	st_quote_terms(fz, &q, ST_G_WORDS | ST_G_ROLE | ST_G_LEXICON, &terms);
	st_vec_init(&x);
	st_vectorize(&v, &terms, &x);
	ck_assert_uint_eq(x.n, 6);
	for (k = 0; k < x.n; k++) {
		ck_assert_int_eq(x.idx[k], (int)k + 1);
		norm2 += x.val[k] * x.val[k];
	}
	/* w:and 1, w:no 1 + ln 3 */
	ck_assert_double_eq_tol(x.val[4], 1.0 / sqrt(1.0 + pow(1.0 + log(3.0), 2))
	                        / sqrt(3.0), 1e-12);
	ck_assert_double_eq_tol(x.val[0], 1.0 / sqrt(2.0) / sqrt(3.0), 1e-12);
	ck_assert_double_eq_tol(sqrt(norm2), 1.0, 1e-12);
	st_vec_finish(&x);
	st_vocab_finish(&v);
	st_map_finish(&doc);
	st_map_finish(&terms);
	st_quote_finish(&q);
}
END_TEST

START_TEST(test_vec_write)
{
	struct st_vec x;
	char *s = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&s, &n);

	st_vec_init(&x);
	st_vec_push(&x, 1, 0.5);
	st_vec_push(&x, 3, 1.0);
	st_vec_push(&x, 7, 0.1);
	st_vec_push(&x, 9, 0.123456789123);	/* nine significant digits */
	st_vec_write(fp, 2, &x);
	x.n = 0;
	st_vec_write(fp, -1, &x);
	fclose(fp);
	ck_assert_str_eq(s, "2 1:0.5 3:1 7:0.1 9:0.123456789\n-1\n");
	free(s);
	st_vec_finish(&x);
}
END_TEST

START_TEST(test_vec_format)
{
	struct st_vec x;
	char buf[ST_VEC_LINE_MAX(8)];
	size_t n;

	st_vec_init(&x);
	st_vec_push(&x, 1, 0.5);
	st_vec_push(&x, 2, 0.000123456789);	/* three zeros, nine digits */
	st_vec_push(&x, 10, 0.0078125);
	st_vec_push(&x, 99, 0.999999999999);	/* rounds up to 1 */
	st_vec_push(&x, 100, 0.00001);		/* below 1e-4: %.9g */
	st_vec_push(&x, 12345, 0.100000000);
	st_vec_push(&x, 1234567, 0.3333333333);
	n = st_vec_format(buf, 0, &x);
	buf[n] = '\0';
	ck_assert_str_eq(buf, "0 1:0.5 2:0.000123456789 10:0.0078125 99:1 "
	                 "100:1e-05 12345:0.1 1234567:0.333333333");
	x.n = 0;
	n = st_vec_format(buf, -12, &x);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(memcmp(buf, "-12", 3), 0);
	st_vec_finish(&x);
}
END_TEST

START_TEST(test_vec_parse_ok)
{
	struct st_vec x;
	struct st_error err;
	int label = 0;

	st_vec_init(&x);
	ck_assert_int_eq(st_vec_parse("v.svm", 3, "2 1:0.5 3:1", &label, &x, 0,
	                              &err), 0);
	ck_assert_int_eq(label, 2);
	ck_assert_uint_eq(x.n, 2);
	ck_assert_int_eq(x.idx[0], 1);
	ck_assert_double_eq(x.val[0], 0.5);
	ck_assert_int_eq(x.idx[1], 3);
	ck_assert_double_eq(x.val[1], 1.0);
	/* tabs, a CR and maxidx exactly reached */
	ck_assert_int_eq(st_vec_parse("v.svm", 4, "-1\t2:0.25 4:1e-3\r", &label,
	                              &x, 4, &err), 0);
	ck_assert_int_eq(label, -1);
	ck_assert_uint_eq(x.n, 2);
	ck_assert_int_eq(x.idx[1], 4);
	ck_assert_double_eq(x.val[1], 1e-3);
	/* long decimals, eight digits at a time and the rest one by one */
	ck_assert_int_eq(st_vec_parse("v.svm", 6, "12 1:0.123456789012345 "
	                              "2:12345678.5 3:0.000000001 "
	                              "4:-0.0000123456789", &label, &x, 0,
	                              &err), 0);
	ck_assert_int_eq(label, 12);
	ck_assert_uint_eq(x.n, 4);
	ck_assert_double_eq(x.val[0], 0.123456789012345);
	ck_assert_double_eq(x.val[1], 12345678.5);
	ck_assert_double_eq(x.val[2], 1e-9);
	ck_assert_double_eq(x.val[3], -0.0000123456789);
	/* a label alone */
	ck_assert_int_eq(st_vec_parse("v.svm", 5, "3", &label, &x, 0, &err), 0);
	ck_assert_int_eq(label, 3);
	ck_assert_uint_eq(x.n, 0);
	st_vec_finish(&x);
}
END_TEST


#define BAD_LABEL \
	"bad label (a vectors file holds LIBSVM lines: LABEL INDEX:VALUE ...)"
static void expect_vec_error(const char *line_text, long maxidx, long line,
                             const char *msg)
{
	struct st_vec x;
	struct st_error err;
	int label;

	st_vec_init(&x);
	memset(&err, 0, sizeof err);
	ck_assert_int_eq(st_vec_parse("v.svm", line, line_text, &label, &x,
	                              maxidx, &err), -1);
	ck_assert_str_eq(err.file, "v.svm");
	ck_assert_int_eq(err.line, line);
	ck_assert_str_eq(err.msg, msg);
	st_vec_finish(&x);
}

START_TEST(test_vec_parse_errors)
{
	expect_vec_error("1 3:1 2:1", 0, 17,
	                 "feature index 2 after 3: indices must ascend");
	expect_vec_error("1 3:1 3:1", 0, 18,
	                 "feature index 3 after 3: indices must ascend");
	expect_vec_error("1 0:1", 0, 19, "feature index 0: indices start at 1");
	expect_vec_error("1 -2:1", 0, 20,
	                 "feature index -2: indices start at 1");
	expect_vec_error("1 5:1", 4, 21,
	                 "feature index 5 beyond the vocabulary (4 terms)");
	expect_vec_error("1 2:abc", 0, 22, "bad value for feature 2");
	expect_vec_error("1 2:1e999", 0, 23, "bad value for feature 2");
	expect_vec_error("1 2:", 0, 24, "bad value for feature 2");
	expect_vec_error("1 2:0.5x", 0, 25, "bad value for feature 2");
	expect_vec_error("1 x:1", 0, 26, "bad feature 'x:1'");
	expect_vec_error("1 2", 0, 27, "bad feature '2'");
	expect_vec_error("abc 1:1", 0, 28, BAD_LABEL);
	expect_vec_error("", 0, 29, BAD_LABEL);
	expect_vec_error("1.5 1:1", 0, 30, BAD_LABEL);
}
END_TEST

/* st_quote_vector(q) is st_vectorize(st_quote_terms(q)) over v. */
static void expect_same_vector(const struct st_quote *q,
                               const struct st_vocab *v)
{
	struct st_map terms;
	struct st_vec a, b;
	size_t k;

	st_map_init(&terms);
	st_vec_init(&a);
	st_vec_init(&b);
	st_quote_terms(fz, q, v->groups, &terms);
	st_vectorize(v, &terms, &a);
	st_quote_vector(fz, q, v, &b);
	ck_assert_uint_eq(a.n, b.n);
	for (k = 0; k < a.n; k++) {
		ck_assert_int_eq(a.idx[k], b.idx[k]);
		ck_assert_double_eq(a.val[k], b.val[k]);
	}
	st_map_finish(&terms);
	st_vec_finish(&a);
	st_vec_finish(&b);
}

START_TEST(test_quote_vector_memo)
{
	static const char *const q3[][5] = {
		/* speaker, role, context, tokens, text */
		{ "Aram Ghukasyan", "Civil Contract MP",
		  "said the Civil Contract MP", "we will win the vote",
		  "We will win the vote" },
		{ "", "opposition MP", "an opposition MP said",
		  "the vote was stolen", "The vote was stolen" },
		{ "", "prime minister", "he added", "", "We will win again" },
	};
	struct st_quote q[3];
	struct st_map docs[4];
	struct st_vocab v, v2, big;
	char junk[16];
	int i, round;

	for (i = 0; i < 3; i++) {
		make_quote(&q[i], q3[i][4], q3[i][1], q3[i][2], q3[i][3]);
		free(q[i].speaker);
		q[i].speaker = strdup(q3[i][0]);
		st_map_init(&docs[i]);
		st_quote_terms(fz, &q[i], ST_G_DEFAULT, &docs[i]);
	}
	/* a fourth document of words no quote has, for a vocabulary whose
	 * bitmap is long beside a quote's terms: they are sorted instead */
	st_map_init(&docs[3]);
	for (i = 0; i < 6000; i++) {
		snprintf(junk, sizeof junk, "w:zz%04d", i);
		st_map_put(&docs[3], junk, 1);
	}
	st_vocab_init(&v);
	st_vocab_init(&v2);
	st_vocab_init(&big);
	st_vocab_build(&v, docs, 3, ST_G_DEFAULT, 1);
	st_vocab_build(&v2, docs, 3, ST_G_DEFAULT, 2);
	st_vocab_build(&big, docs, 4, ST_G_DEFAULT, 1);
	ck_assert_uint_gt(st_vocab_size(&big), 6000);
	ck_assert_int_eq(v.pairs_closed, 1);
	ck_assert_uint_ne(v.serial, v2.serial);
	/* the second round meets every context and role again */
	for (round = 0; round < 2; round++)
		for (i = 0; i < 3; i++)
			expect_same_vector(&q[i], &v);
	/* another vocabulary, then the first again */
	for (i = 0; i < 3; i++)
		expect_same_vector(&q[i], &v2);
	for (i = 0; i < 3; i++)
		expect_same_vector(&q[i], &v);
	for (i = 0; i < 3; i++)
		expect_same_vector(&q[i], &big);
	for (i = 0; i < 3; i++)
		st_quote_finish(&q[i]);
	for (i = 0; i < 4; i++)
		st_map_finish(&docs[i]);
	st_vocab_finish(&v);
	st_vocab_finish(&v2);
	st_vocab_finish(&big);
}
END_TEST

START_TEST(test_quote_vector_open_pairs)
{
	/* a pair whose second word is no term: the pair is still found */
	static const char text[] = "stance-vocab 1\ndocuments 2\n"
		"groups words,bigrams\nterms 2\n"
		"1\tb:x_y\t1\t1.5\n2\tw:x\t2\t1\n";
	struct st_error err;
	struct st_vocab v;
	struct st_quote q;
	struct st_vec x;

	st_vocab_init(&v);
	ck_assert_int_eq(st_vocab_read("vocab.txt", text, strlen(text), &v,
	                               &err), 0);
	ck_assert_int_eq(v.pairs_closed, 0);
	make_quote(&q, "x y", "", "", "x y");
	st_vec_init(&x);
	st_quote_vector(fz, &q, &v, &x);
	ck_assert_uint_eq(x.n, 2);
	ck_assert_int_eq(x.idx[0], 1);
	ck_assert_int_eq(x.idx[1], 2);
	expect_same_vector(&q, &v);
	st_vec_finish(&x);
	st_quote_finish(&q);
	st_vocab_finish(&v);
}
END_TEST

START_TEST(test_memo)
{
	static const int one[] = { 7 }, three[] = { 1, 2, 3 };
	struct st_memo m;
	const int *v;
	size_t n = 99;
	int head = -1;

	st_memo_init(&m, 2, 1000);
	ck_assert_ptr_null(st_memo_get(&m, 'c', "he said", 7, &n));
	st_memo_put(&m, 'c', "he said", 7, NULL, three, 3);
	st_memo_put(&m, 'r', "he said", 7, &head, one, 1);
	v = st_memo_get(&m, 'c', "he said", 7, &n);
	ck_assert_ptr_nonnull(v);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(v[2], 3);
	v = st_memo_get(&m, 'r', "he said", 7, &n);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(v[0], -1);
	ck_assert_int_eq(v[1], 7);
	/* a third string: the first two are forgotten */
	st_memo_put(&m, 's', "", 0, NULL, NULL, 0);
	ck_assert_ptr_null(st_memo_get(&m, 'c', "he said", 7, &n));
	v = st_memo_get(&m, 's', "", 0, &n);
	ck_assert_ptr_nonnull(v);
	ck_assert_uint_eq(n, 0);
	st_memo_finish(&m);

	/* 40 bytes: a string of 9 and three ints take 9 + 1 + 5 * 4 */
	st_memo_init(&m, 100, 40);
	st_memo_put(&m, 'c', "123456789", 9, NULL, three, 3);
	ck_assert_ptr_nonnull(st_memo_get(&m, 'c', "123456789", 9, &n));
	st_memo_put(&m, 'c', "abcdefghi", 9, NULL, three, 3);
	ck_assert_ptr_null(st_memo_get(&m, 'c', "123456789", 9, &n));
	ck_assert_ptr_nonnull(st_memo_get(&m, 'c', "abcdefghi", 9, &n));
	st_memo_finish(&m);
}
END_TEST

Suite *feature_suite(void)
{
	Suite *s = suite_create("feature");
	TCase *tc = tcase_create("core");
	TCase *tf = tcase_create("terms");

	tcase_add_test(tc, test_groups_parse);
	tcase_add_test(tc, test_groups_format);
	tcase_add_test(tc, test_vocab_build_min_df_1);
	tcase_add_test(tc, test_vocab_build_min_df_2);
	tcase_add_test(tc, test_vocab_write_exact);
	tcase_add_test(tc, test_vocab_round_trip);
	tcase_add_test(tc, test_vocab_read_errors);
	tcase_add_test(tc, test_vocab_read_empty_vocab);
	tcase_add_test(tc, test_vectorize);
	tcase_add_test(tc, test_vec_write);
	tcase_add_test(tc, test_vec_format);
	tcase_add_test(tc, test_memo);
	tcase_add_test(tc, test_vec_parse_ok);
	tcase_add_test(tc, test_vec_parse_errors);
	suite_add_tcase(s, tc);

	tcase_add_checked_fixture(tf, fz_setup, fz_teardown);
	tcase_add_test(tf, test_quote_terms_default);
	tcase_add_test(tf, test_actor_terms);
	tcase_add_test(tf, test_quote_terms_groups);
	tcase_add_test(tf, test_quote_terms_uses_tokens_column);
	tcase_add_test(tf, test_vectorize_quote_end_to_end);
	tcase_add_test(tf, test_quote_vector_memo);
	tcase_add_test(tf, test_quote_vector_open_pairs);
	suite_add_tcase(s, tf);
	return s;
}
