/* doctest.c - a fixture for the suites of the extraction passes: one
 * extractor, and an article run through every pass into a struct st_doc
 * whose tokens, spans, mentions and people the tests look at. */
#include <stdio.h>
#include <check.h>

#include <string.h>

#include "extract/extract.h"
#include "extract/doc.h"
#include "suites.h"

struct st_doc test_doc;
static struct st_extractor *ex;
static int have_doc;

void test_doc_setup(void)
{
	struct st_error err;

	ex = st_extractor_new(&err);
	ck_assert_msg(ex != NULL, "st_extractor_new: %s", err.msg);
	have_doc = 0;
}

void test_doc_teardown(void)
{
	if (have_doc)
		st_doc_finish(&test_doc);
	have_doc = 0;
	st_extractor_free(ex);
}

struct st_doc *test_doc_run(const char *text, size_t len)
{
	if (have_doc)
		st_doc_finish(&test_doc);
	st_extract_doc(ex, &test_doc, text, len);
	have_doc = 1;
	return &test_doc;
}

size_t test_doc_quotes(const char *text, size_t len, struct st_quotes *qs)
{
	st_quotes_finish(qs);
	st_extract(ex, NULL, "art", text, len, qs);
	return qs->n;
}

size_t test_doc_cutoffs(const size_t **at)
{
	return st_extract_cutoffs(ex, at);
}

int test_tok(const struct st_doc *d, const char *word, int nth)
{
	int i;
	size_t n = strlen(word);

	for (i = 0; i < d->nt; i++)
		if (d->t[i].e - d->t[i].s == n &&
		    memcmp(d->text + d->t[i].s, word, n) == 0 && nth-- == 0)
			return i;
	return -1;
}

const char *test_tok_text(const struct st_doc *d, int i, char *buf,
                          size_t size)
{
	size_t n = d->t[i].e - d->t[i].s;

	if (n >= size)
		n = size - 1;
	memcpy(buf, d->text + d->t[i].s, n);
	buf[n] = '\0';
	return buf;
}
