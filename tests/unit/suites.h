/* suites.h - one Check suite per module of libstance. */
#ifndef STANCE_TEST_SUITES_H
#define STANCE_TEST_SUITES_H

#include <stdio.h>
#include <check.h>

Suite *util_suite(void);
Suite *strmap_suite(void);
Suite *csvio_suite(void);
Suite *quote_suite(void);
Suite *tokens_suite(void);
Suite *extract_suite(void);
Suite *lexicon_suite(void);
Suite *scan_suite(void);
Suite *spans_suite(void);
Suite *mentions_suite(void);
Suite *roles_suite(void);
Suite *coref_suite(void);
Suite *attribution_suite(void);
Suite *feature_suite(void);
Suite *model_suite(void);
Suite *linear_suite(void);
Suite *labels_suite(void);
Suite *evaluate_suite(void);
Suite *commit_suite(void);
Suite *annotations_suite(void);
Suite *sheet_suite(void);
Suite *actors_suite(void);
Suite *dateline_suite(void);
Suite *speakers_suite(void);
Suite *people_suite(void);
Suite *join_suite(void);
Suite *tally_suite(void);
Suite *parts_suite(void);

/* Temporary folders (tmpdir.c): make one named /tmp/stance-WHAT-XXXXXX
 * into buf; list its names sorted and joined by '|'; remove it with the
 * files in it. */
void test_make_dir(char *buf, size_t size, const char *what);
void test_list_dir(const char *dir, char *out, size_t size);
void test_rm_dir(const char *dir);

/* The extraction passes (doctest.c): test_doc_setup/teardown make and
 * free one extractor; test_doc_run() runs every pass over text into
 * test_doc (the one before is finished); test_doc_quotes() runs
 * st_extract into qs, emptied first, and returns the count;
 * test_doc_cutoffs() gives what that run left out as cut off; test_tok()
 * is the index of the nth (from 0) token whose text is word, or -1;
 * test_tok_text() copies token i's text into buf. */
struct st_doc;
struct st_quotes;
extern struct st_doc test_doc;
void test_doc_setup(void);
void test_doc_teardown(void);
struct st_doc *test_doc_run(const char *text, size_t len);
size_t test_doc_quotes(const char *text, size_t len, struct st_quotes *qs);
size_t test_doc_cutoffs(const size_t **at);
int test_tok(const struct st_doc *d, const char *word, int nth);
const char *test_tok_text(const struct st_doc *d, int i, char *buf,
                          size_t size);

#endif
