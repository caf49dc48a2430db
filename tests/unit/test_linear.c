/* test_linear.c - the collapsed linear model predicts exactly what
 * libsvm's svm_predict_probability does, on every quote of the corpus. */
#include <dirent.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "extract/extract.h"
#include "learn/learn.h"
#include "text/text.h"

START_TEST(test_linear_equals_libsvm)
{
	struct st_model m;
	struct st_error err;
	struct st_extractor *x = st_extractor_new(&err);
	struct st_tokenizer *tk = st_tokenizer_new(&err);
	struct st_featurizer *f = st_featurizer_new(&err);
	struct st_map terms;
	struct st_vec v;
	struct st_buf text = ST_BUF_INIT, path = ST_BUF_INIT;
	struct dirent *e;
	DIR *dir;
	long compared = 0;
	double worst = 0;

	ck_assert_msg(st_model_load(&m, "models", &err) == 0, "%s", err.msg);
	ck_assert_ptr_nonnull(m.w);	/* the shipped model is linear */
	ck_assert_ptr_nonnull(x);
	ck_assert_ptr_nonnull(tk);
	ck_assert_ptr_nonnull(f);
	st_map_init(&terms);
	st_vec_init(&v);
	dir = opendir("corpus/articles");
	ck_assert_ptr_nonnull(dir);
	while ((e = readdir(dir)) != NULL) {
		struct st_quotes qs;
		size_t i;

		if (!strstr(e->d_name, ".txt"))
			continue;
		st_buf_reset(&path);
		st_buf_addf(&path, "corpus/articles/%s", e->d_name);
		ck_assert_int_eq(st_read_file(path.s, &text, &err), 0);
		st_quotes_init(&qs);
		st_extract(x, tk, e->d_name, text.s, text.len, &qs);
		for (i = 0; i < qs.n; i++) {
			double pf[ST_MAX_LABELS], pl[ST_MAX_LABELS];
			double df[ST_MAX_LABELS], dl[ST_MAX_LABELS];
			int lf, ll, k;

			st_quote_terms(f, &qs.q[i], m.vocab.groups, &terms);
			st_vectorize(&m.vocab, &terms, &v);
			lf = st_model_predict_ex(&m, &v, pf, df, 0);
			ll = st_model_predict_ex(&m, &v, pl, dl, 1);
			ck_assert_int_eq(lf, ll);
			for (k = 0; k < m.nlabels; k++) {
				ck_assert_double_eq_tol(pf[k], pl[k], 1e-9);
				if (fabs(pf[k] - pl[k]) > worst)
					worst = fabs(pf[k] - pl[k]);
			}
			for (k = 0; k < m.nlabels * (m.nlabels - 1) / 2; k++) {
				ck_assert_double_eq_tol(df[k], dl[k], 1e-9);
				if (fabs(df[k] - dl[k]) > worst)
					worst = fabs(df[k] - dl[k]);
			}
			compared++;
		}
		st_quotes_finish(&qs);
	}
	closedir(dir);
	/* every quote of the 45 articles, not a handful */
	ck_assert_int_ge(compared, 600);
	ck_assert(worst < 1e-9);
	st_vec_finish(&v);
	st_map_finish(&terms);
	st_buf_finish(&text);
	st_buf_finish(&path);
	st_featurizer_free(f);
	st_tokenizer_free(tk);
	st_extractor_free(x);
	st_model_finish(&m);
}
END_TEST

Suite *linear_suite(void)
{
	Suite *s = suite_create("linear");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_linear_equals_libsvm);
	suite_add_tcase(s, tc);
	return s;
}
