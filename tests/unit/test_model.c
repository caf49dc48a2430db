/* test_model.c - labels, training, the model folder and prediction
 * (model.h), on a dozen invented quotes. */
#include <stdio.h>
#include <check.h>

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "learn/learn.h"
#include "suites.h"

static char *const labels3[] = { "opposition", "government", "analyst" };

/* ---- helpers ---------------------------------------------------------- */

static void read_in(const char *dir, const char *name, struct st_buf *b)
{
	char path[256];
	struct st_error err;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	st_buf_init(b);
	ck_assert_msg(st_read_file(path, b, &err) == 0, "%s: %s", path,
	              err.msg);
}

static void write_out(const char *dir, const char *name, const char *s,
                      size_t n)
{
	char path[256];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	fp = fopen(path, "wb");
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(s, 1, n, fp), n);
	ck_assert_int_eq(fclose(fp), 0);
}

static void add(struct st_quotes *qs, const char *text, const char *role,
                const char *context, const char *stance)
{
	struct st_quote *q = st_quotes_add(qs);

	q->id = (int)qs->n;
	st_set(&q->article, "train", 5);
	st_set(&q->text, text, strlen(text));
	st_set(&q->role, role, strlen(role));
	st_set(&q->context, context, strlen(context));
	st_set(&q->stance, stance, strlen(stance));
}

/* Twelve quotes, four for each camp, from six articles of two quotes
 * each (so that every fold of articles leaves every camp to train on). */
static void training_set(struct st_quotes *qs)
{
	static const char *const art[] = { "a1", "a2", "a4", "a5",
	                                   "a1", "a3", "a4", "a6",
	                                   "a2", "a3", "a5", "a6" };
	size_t i;

	st_quotes_init(qs);
	add(qs, "Leaving the CSTO would be a betrayal of our only ally.",
	    "opposition MP", "an opposition MP said", "opposition");
	add(qs, "Russia has always protected Armenia and we must return.",
	    "opposition MP", "said the opposition MP", "opposition");
	add(qs, "The government is gambling with our security.",
	    "opposition MP", "an opposition MP told reporters", "opposition");
	add(qs, "This freeze is a reckless betrayal of the alliance.",
	    "opposition MP", "the opposition MP said in parliament",
	    "opposition");
	add(qs, "Our participation remains frozen until we get answers.",
	    "deputy minister", "the deputy minister said", "government");
	add(qs, "The government will not return to the bloc without "
	    "guarantees.", "deputy minister", "a deputy minister told reporters",
	    "government");
	add(qs, "We are diversifying our security partners step by step.",
	    "deputy minister", "the deputy minister added", "government");
	add(qs, "The decision to freeze was taken by the cabinet.",
	    "deputy minister", "the deputy minister said on Monday",
	    "government");
	add(qs, "The alliance has lost its credibility in the region.",
	    "political analyst", "a political analyst said", "analyst");
	add(qs, "Yerevan is slowly drifting towards the European Union.",
	    "political analyst", "said a political analyst in Yerevan",
	    "analyst");
	add(qs, "The data show a clear shift in public opinion.",
	    "political analyst", "the political analyst noted", "analyst");
	add(qs, "Western partners cannot replace Russia overnight.",
	    "political analyst", "a political analyst argued", "analyst");
	for (i = 0; i < qs->n; i++)
		st_set(&qs->q[i].article, art[i], 2);
}

/* Library code never prints (util.h): stderr is caught around a call
 * and what was written to it handed back (the caller frees it). */
static int saved_stderr = -1;
static FILE *caught;

static void catch_stderr(void)
{
	fflush(stderr);
	caught = tmpfile();
	ck_assert_ptr_nonnull(caught);
	saved_stderr = dup(2);
	ck_assert_int_ge(saved_stderr, 0);
	ck_assert_int_ge(dup2(fileno(caught), 2), 0);
}

static char *release_stderr(void)
{
	struct st_buf b = ST_BUF_INIT;
	char chunk[512];
	size_t n;

	fflush(stderr);
	dup2(saved_stderr, 2);
	close(saved_stderr);
	saved_stderr = -1;
	rewind(caught);
	while ((n = fread(chunk, 1, sizeof chunk, caught)) > 0)
		st_buf_add(&b, chunk, n);
	fclose(caught);
	return st_buf_detach(&b);
}

static int train_quotes(const struct st_quotes *qs, const char *dir,
                        struct st_error *err)
{
	struct st_train_opts o;
	char *printed;
	int rc;

	st_train_opts_init(&o);
	o.C = 1;
	catch_stderr();
	rc = st_train(qs, labels3, 3, &o, dir, err);
	printed = release_stderr();
	ck_assert_msg(printed[0] == '\0', "st_train printed: %s", printed);
	free(printed);
	return rc;
}

static int train_into(const char *dir, struct st_error *err)
{
	struct st_quotes qs;
	int rc;

	training_set(&qs);
	rc = train_quotes(&qs, dir, err);
	st_quotes_finish(&qs);
	return rc;
}

/* ---- training and loading ---------------------------------------------- */

START_TEST(test_train_load_predict)
{
	char dir[64], names[256];
	struct st_error err;
	struct st_model m;
	struct st_featurizer *f;
	struct st_quotes test;
	struct st_map terms;
	struct st_vec x;
	double prob[ST_MAX_LABELS], sum = 0;
	int best, i;

	test_make_dir(dir, sizeof dir, "model");
	ck_assert_msg(train_into(dir, &err) == 0, "st_train: %s", err.msg);
	/* the four files and no temporary file */
	test_list_dir(dir, names, sizeof names);
	ck_assert_str_eq(names, "labels.txt|metrics.txt|stance.model|vocab.txt");

	ck_assert_msg(st_model_load(&m, dir, &err) == 0, "load: %s", err.msg);
	ck_assert_int_eq(m.nlabels, 3);
	ck_assert_str_eq(m.labels[0], "opposition");
	ck_assert_str_eq(m.labels[1], "government");
	ck_assert_str_eq(m.labels[2], "analyst");
	ck_assert_int_eq(m.vocab.ndocs, 12);
	ck_assert_uint_eq(m.vocab.groups, ST_G_DEFAULT);
	ck_assert_uint_gt(st_vocab_size(&m.vocab), 10);
	/* min_df 2: a word of one quote only is not in the vocabulary */
	ck_assert_ptr_null(st_map_get(&m.vocab.idx, "w:gambl"));
	ck_assert_ptr_nonnull(st_map_get(&m.vocab.idx, "r:opposit"));
	ck_assert_ptr_nonnull(st_map_get(&m.vocab.idx, "l:opposition"));

	f = st_featurizer_new(&err);
	ck_assert_ptr_nonnull(f);
	st_quotes_init(&test);
	add(&test, "Abandoning the alliance is a betrayal of Armenia.",
	    "opposition lawmaker", "an opposition lawmaker said", "");
	add(&test, "We keep participation frozen and talk to new partners.",
	    "deputy minister", "the deputy minister said", "");
	add(&test, "Public opinion in the region keeps shifting.",
	    "political analyst", "a political analyst said", "");
	st_map_init(&terms);
	st_vec_init(&x);
	for (i = 0; i < 3; i++) {
		int k;

		st_quote_terms(f, &test.q[i], m.vocab.groups, &terms);
		st_vectorize(&m.vocab, &terms, &x);
		ck_assert_uint_gt(x.n, 0);
		best = st_model_predict(&m, &x, prob);
		ck_assert_msg(best == i, "quote %d predicted %s", i,
		              m.labels[best]);
		for (k = 0, sum = 0; k < m.nlabels; k++) {
			ck_assert(prob[k] >= 0 && prob[k] <= 1);
			sum += prob[k];
		}
		ck_assert_double_eq_tol(sum, 1.0, 1e-9);
	}
	st_vec_finish(&x);
	st_map_finish(&terms);
	st_quotes_finish(&test);
	st_featurizer_free(f);
	st_model_finish(&m);
	test_rm_dir(dir);
}
END_TEST

#define VOCAB_HEAD "stance-vocab 1\ndocuments 12\n" \
	"groups words,bigrams,context,role,lexicon,actors\nterms "
#define METRICS_HEAD "quotes 12\nquotes[opposition] 4\n" \
	"quotes[government] 4\nquotes[analyst] 4\n"

START_TEST(test_train_model_files)
{
	char dir[64];
	struct st_error err;
	struct st_buf lb, vb, mb, tb;
	char want[256];

	test_make_dir(dir, sizeof dir, "model");
	ck_assert_msg(train_into(dir, &err) == 0, "st_train: %s", err.msg);
	read_in(dir, "labels.txt", &lb);
	read_in(dir, "vocab.txt", &vb);
	read_in(dir, "stance.model", &mb);
	read_in(dir, "metrics.txt", &tb);
	/* labels.txt carries the FNV-1a sums of the other two files */
	{
		/* and one of the label names in their order */
		char *names[] = { "opposition", "government", "analyst" };
		unsigned long long h = ST_FNV_INIT;
		int k;

		for (k = 0; k < 3; k++)
			h = st_fnv1a(names[k], strlen(names[k]) + 1, h);
		ck_assert_uint_eq(st_labels_sum(names, 3), h);
		snprintf(want, sizeof want, "stance-labels 2\nvocab %016llx\n"
		         "model %016llx\nlabels %016llx\nlabel opposition\n"
		         "label government\nlabel analyst\n",
		         st_fnv1a(vb.s, vb.len, ST_FNV_INIT),
		         st_fnv1a(mb.s, mb.len, ST_FNV_INIT), h);
	}
	ck_assert_str_eq(lb.s, want);
	ck_assert_int_eq(strncmp(vb.s, VOCAB_HEAD, strlen(VOCAB_HEAD)), 0);
	ck_assert_int_eq(strncmp(mb.s, "svm_type c_svc\nkernel_type linear\n",
	                         34), 0);
	ck_assert_int_eq(strncmp(tb.s, METRICS_HEAD, strlen(METRICS_HEAD)), 0);
	ck_assert_ptr_nonnull(strstr(tb.s, "\narticles 6\n"));
	ck_assert_ptr_nonnull(strstr(tb.s, "\nkernel linear\nC 1\n"));
	st_buf_finish(&lb);
	st_buf_finish(&vb);
	st_buf_finish(&mb);
	st_buf_finish(&tb);
	test_rm_dir(dir);
}
END_TEST

START_TEST(test_train_is_reproducible)
{
	static const char *const files[] = { "labels.txt", "metrics.txt",
	                                     "stance.model", "vocab.txt" };
	char d1[64], d2[64];
	struct st_error err;
	struct st_buf a, b;
	size_t i;

	test_make_dir(d1, sizeof d1, "model");
	test_make_dir(d2, sizeof d2, "model");
	ck_assert_msg(train_into(d1, &err) == 0, "st_train: %s", err.msg);
	ck_assert_msg(train_into(d2, &err) == 0, "st_train: %s", err.msg);
	for (i = 0; i < 4; i++) {
		read_in(d1, files[i], &a);
		read_in(d2, files[i], &b);
		ck_assert_uint_gt(a.len, 0);
		ck_assert_msg(a.len == b.len && memcmp(a.s, b.s, a.len) == 0,
		              "%s differs between two trainings", files[i]);
		st_buf_finish(&a);
		st_buf_finish(&b);
	}
	test_rm_dir(d1);
	test_rm_dir(d2);
}
END_TEST

START_TEST(test_load_rejects_changed_vocab)
{
	char dir[64], want[256];
	struct st_error err;
	struct st_model m;
	struct st_buf vb;
	char *p;

	test_make_dir(dir, sizeof dir, "model");
	ck_assert_msg(train_into(dir, &err) == 0, "st_train: %s", err.msg);
	read_in(dir, "vocab.txt", &vb);
	/* one digit of the documents count: still a well-formed file */
	p = strstr(vb.s, "documents 12");
	ck_assert_ptr_nonnull(p);
	p[11] = '3';
	write_out(dir, "vocab.txt", vb.s, vb.len);
	st_buf_finish(&vb);

	memset(&err, 0, sizeof err);
	ck_assert_int_eq(st_model_load(&m, dir, &err), -1);
	snprintf(want, sizeof want, "%s/vocab.txt", dir);
	ck_assert_str_eq(err.file, want);
	ck_assert_int_eq(err.line, 1);
	snprintf(want, sizeof want, "vocabulary does not match the model "
	         "(checksum differs from %s/labels.txt)", dir);
	ck_assert_str_eq(err.msg, want);
	ck_assert_ptr_null(m.svm);
	ck_assert_int_eq(m.nlabels, 0);
	st_model_finish(&m);
	test_rm_dir(dir);
}
END_TEST

START_TEST(test_load_rejects_changed_model)
{
	char dir[64], want[256];
	struct st_error err;
	struct st_model m;
	struct st_buf mb;

	test_make_dir(dir, sizeof dir, "model");
	ck_assert_msg(train_into(dir, &err) == 0, "st_train: %s", err.msg);
	read_in(dir, "stance.model", &mb);
	st_buf_addc(&mb, '\n');
	write_out(dir, "stance.model", mb.s, mb.len);
	st_buf_finish(&mb);
	ck_assert_int_eq(st_model_load(&m, dir, &err), -1);
	snprintf(want, sizeof want, "%s/stance.model", dir);
	ck_assert_str_eq(err.file, want);
	ck_assert_int_eq(err.line, 1);
	ck_assert_int_eq(strncmp(err.msg, "model file does not match its "
	                         "vocabulary", 40), 0);
	test_rm_dir(dir);
}
END_TEST

START_TEST(test_load_rejects_bad_labels_file)
{
	char dir[64], want[256];
	struct st_error err;
	struct st_model m;
	struct st_buf lb;

	test_make_dir(dir, sizeof dir, "model");
	ck_assert_msg(train_into(dir, &err) == 0, "st_train: %s", err.msg);
	read_in(dir, "labels.txt", &lb);
	lb.s[14] = '3';		/* "stance-labels 3" */
	write_out(dir, "labels.txt", lb.s, lb.len);

	memset(&err, 0, sizeof err);
	ck_assert_int_eq(st_model_load(&m, dir, &err), -1);
	snprintf(want, sizeof want, "%s/labels.txt", dir);
	ck_assert_str_eq(err.file, want);
	ck_assert_int_eq(err.line, 1);
	ck_assert_str_eq(err.msg, "not a stance label file (version 2)");

	/* a model of the version before, whose labels were not summed */
	lb.s[14] = '1';
	write_out(dir, "labels.txt", lb.s, lb.len);
	ck_assert_int_eq(st_model_load(&m, dir, &err), -1);
	ck_assert_str_eq(err.msg, "a model of an older stance: retrain it "
	                 "(make train)");

	/* two label lines swapped: every prediction would change name */
	lb.s[14] = '2';
	{
		char *a = strstr(lb.s, "label opposition\n");
		char *b = strstr(lb.s, "label government\n");

		ck_assert_ptr_nonnull(a);
		ck_assert_ptr_eq(b, a + 17);
		memcpy(a, "label government\nlabel opposition\n", 34);
	}
	write_out(dir, "labels.txt", lb.s, lb.len);
	ck_assert_int_eq(st_model_load(&m, dir, &err), -1);
	ck_assert_int_eq(err.line, 4);
	ck_assert_str_eq(err.msg, "the labels are not the model's, or not in "
	                 "its order (checksum differs)");

	/* a repeated label, on line 8 */
	{
		char *a = strstr(lb.s, "label government\n");
		memcpy(a, "label opposition\nlabel government\n", 34);
	}
	st_buf_adds(&lb, "label government\n");
	write_out(dir, "labels.txt", lb.s, lb.len);
	ck_assert_int_eq(st_model_load(&m, dir, &err), -1);
	ck_assert_int_eq(err.line, 8);
	ck_assert_str_eq(err.msg, "too many or repeated labels");

	/* an unknown line */
	write_out(dir, "labels.txt", "stance-labels 2\nvocab 0\n", 24);
	ck_assert_int_eq(st_model_load(&m, dir, &err), -1);
	ck_assert_int_eq(err.line, 2);
	ck_assert_str_eq(err.msg, "bad checksum");
	st_buf_finish(&lb);
	test_rm_dir(dir);
}
END_TEST

START_TEST(test_load_missing_folder)
{
	struct st_error err;
	struct st_model m;
	const char *dir = "/nonexistent-stance-model-dir";

	memset(&err, 0, sizeof err);
	ck_assert_int_eq(st_model_load(&m, dir, &err), -1);
	ck_assert_str_eq(err.file, "/nonexistent-stance-model-dir/labels.txt");
	ck_assert_int_eq(err.line, 0);
	ck_assert_str_eq(err.msg, "cannot open: No such file or directory");
	ck_assert_ptr_null(m.svm);
	st_model_finish(&m);
}
END_TEST

START_TEST(test_load_missing_model_file)
{
	char dir[64], path[128];
	struct st_error err;
	struct st_model m;

	test_make_dir(dir, sizeof dir, "model");
	ck_assert_msg(train_into(dir, &err) == 0, "st_train: %s", err.msg);
	snprintf(path, sizeof path, "%s/stance.model", dir);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(st_model_load(&m, dir, &err), -1);
	ck_assert_str_eq(err.file, path);
	ck_assert_str_eq(err.msg, "cannot open: No such file or directory");
	test_rm_dir(dir);
}
END_TEST

/* stance-features needs the labels and the vocabulary, not the SVM. */
START_TEST(test_load_vocab_without_model_file)
{
	char dir[64], path[128];
	struct st_error err;
	struct st_model m, full;

	test_make_dir(dir, sizeof dir, "model");
	ck_assert_msg(train_into(dir, &err) == 0, "st_train: %s", err.msg);
	ck_assert_msg(st_model_load(&full, dir, &err) == 0, "%s", err.msg);
	snprintf(path, sizeof path, "%s/stance.model", dir);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_msg(st_model_load_vocab(&m, dir, &err) == 0, "%s", err.msg);
	ck_assert_ptr_null(m.svm);
	ck_assert_int_eq(m.nlabels, 3);
	ck_assert_str_eq(m.labels[0], "opposition");
	ck_assert_str_eq(m.labels[2], "analyst");
	ck_assert_uint_eq(st_vocab_size(&m.vocab), st_vocab_size(&full.vocab));
	ck_assert_uint_eq(m.vocab.groups, full.vocab.groups);
	st_model_finish(&m);
	st_model_finish(&full);
	test_rm_dir(dir);
}
END_TEST

START_TEST(test_load_vocab_rejects_changed_vocab)
{
	char dir[64], want[256];
	struct st_error err;
	struct st_model m;
	struct st_buf vb;

	test_make_dir(dir, sizeof dir, "model");
	ck_assert_msg(train_into(dir, &err) == 0, "st_train: %s", err.msg);
	read_in(dir, "vocab.txt", &vb);
	st_buf_addc(&vb, '\n');
	write_out(dir, "vocab.txt", vb.s, vb.len);
	st_buf_finish(&vb);
	ck_assert_int_eq(st_model_load_vocab(&m, dir, &err), -1);
	snprintf(want, sizeof want, "%s/vocab.txt", dir);
	ck_assert_str_eq(err.file, want);
	ck_assert_int_eq(strncmp(err.msg, "vocabulary does not match the "
	                         "model", 35), 0);
	ck_assert_ptr_null(m.svm);
	ck_assert_int_eq(m.nlabels, 0);
	test_rm_dir(dir);
}
END_TEST

/* With C given, cross-validation only measures; quotes that all come
 * from one article must still train (model.h promises 0 or -1 with err
 * filled, never a crash). */
START_TEST(test_train_single_article)
{
	char dir[64], names[256];
	struct st_quotes qs;
	struct st_error err;
	struct st_model m;
	size_t i;

	test_make_dir(dir, sizeof dir, "model");
	training_set(&qs);
	for (i = 0; i < qs.n; i++)
		st_set(&qs.q[i].article, "only-one", 8);
	memset(&err, 0, sizeof err);
	ck_assert_msg(train_quotes(&qs, dir, &err) == 0, "st_train: %s",
	              err.msg);
	test_list_dir(dir, names, sizeof names);
	ck_assert_str_eq(names, "labels.txt|metrics.txt|stance.model|vocab.txt");
	ck_assert_msg(st_model_load(&m, dir, &err) == 0, "load: %s", err.msg);
	ck_assert_int_eq(m.nlabels, 3);
	st_model_finish(&m);
	st_quotes_finish(&qs);
	test_rm_dir(dir);
}
END_TEST

START_TEST(test_train_rejects)
{
	char dir[64], names[64];
	struct st_quotes qs;
	struct st_train_opts o;
	struct st_error err;
	char *two[] = { "opposition", "government" };

	test_make_dir(dir, sizeof dir, "model");
	st_train_opts_init(&o);
	ck_assert_uint_eq(o.groups, ST_G_DEFAULT);
	ck_assert_int_eq(o.folds, 5);
	ck_assert_int_eq(o.min_df, 2);
	ck_assert_uint_eq(o.seed, 1);
	ck_assert(o.C == 0);
	o.C = 1;

	/* fewer than two quotes per label */
	training_set(&qs);
	qs.n = 5;
	ck_assert_int_eq(st_train(&qs, labels3, 3, &o, dir, &err), -1);
	ck_assert_str_eq(err.msg, "too few labelled quotes (5)");
	qs.n = 12;
	/* a label that is not in the list */
	ck_assert_int_eq(st_train(&qs, two, 2, &o, dir, &err), -1);
	ck_assert_str_eq(err.msg, "unknown label 'analyst'");
	/* a label no quote has */
	st_set(&qs.q[0].stance, "government", 10);
	st_set(&qs.q[1].stance, "government", 10);
	st_set(&qs.q[2].stance, "government", 10);
	st_set(&qs.q[3].stance, "government", 10);
	ck_assert_int_eq(st_train(&qs, labels3, 3, &o, dir, &err), -1);
	ck_assert_str_eq(err.msg, "no quote is labelled 'opposition'");
	/* nothing was written */
	test_list_dir(dir, names, sizeof names);
	ck_assert_str_eq(names, "");
	st_quotes_finish(&qs);
	test_rm_dir(dir);
}
END_TEST

Suite *model_suite(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_train_load_predict);
	tcase_add_test(tc, test_train_model_files);
	tcase_add_test(tc, test_train_is_reproducible);
	tcase_add_test(tc, test_load_rejects_changed_vocab);
	tcase_add_test(tc, test_load_rejects_changed_model);
	tcase_add_test(tc, test_load_rejects_bad_labels_file);
	tcase_add_test(tc, test_load_missing_folder);
	tcase_add_test(tc, test_load_missing_model_file);
	tcase_add_test(tc, test_load_vocab_without_model_file);
	tcase_add_test(tc, test_load_vocab_rejects_changed_vocab);
	tcase_add_test(tc, test_train_single_article);
	tcase_add_test(tc, test_train_rejects);
	suite_add_tcase(s, tc);
	return s;
}
