/* test_people.c - the batch's people gathered on disk (report.h:
 * st_people_*). */
#include <stdio.h>
#include <check.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/report.h"
#include "suites.h"

static char *const labels[] = { "gov", "opp" };

/* Write the rows of the people added by fill() to a string; the folder
 * must be left empty. */
static char *rows_of(void (*fill)(struct st_people *))
{
	char dir[256], names[1024];
	struct st_error err = { 0 };
	struct st_csv_writer w;
	struct st_people *p;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	test_make_dir(dir, sizeof dir, "people");
	p = st_people_new(dir, 2, &err);
	ck_assert_ptr_nonnull(p);
	fill(p);
	st_csv_writer_init(&w, fp, 0, 1);
	ck_assert_int_eq(st_people_write(p, &w, labels, &err), 0);
	st_csv_writer_finish(&w);
	fclose(fp);
	st_people_free(p);
	test_list_dir(dir, names, sizeof names);
	ck_assert_str_eq(names, "");
	test_rm_dir(dir);
	return buf;
}

static void add_in(struct st_people *p, const char *article, const char *key,
                   const char *name, const char *role, const char *variant,
                   int label, double pgov)
{
	struct st_error err = { 0 };
	const char *vars[1] = { variant };
	double probs[2] = { pgov, 1 - pgov };

	ck_assert_int_eq(st_people_add(p, article, key, name, role, vars, 1,
	                               &label, probs, 1, &err), 0);
}

/* Each call one more article: a1, a2, ... */
static int narticle;

static void add(struct st_people *p, const char *key, const char *name,
                const char *role, const char *variant, int label,
                double pgov)
{
	char article[16];

	snprintf(article, sizeof article, "a%d", ++narticle);
	add_in(p, article, key, name, role, variant, label, pgov);
}

/* A surname joins the one full name with it, across articles; the
 * longer name is shown; most quotes first. */
static void surname_and_full(struct st_people *p)
{
	add(p, "S:melkonyan", "Melkonyan", "", "Melkonyan", 1, 0.2);
	add(p, "N:arsen melkonyan", "Arsen Melkonyan", "opposition MP",
	    "MP Arsen Melkonyan", 1, 0.3);
	add(p, "R:officials", "officials", "", "officials", 0, 0.9);
	add(p, "N:arsen melkonyan", "Arsen Melkonyan", "", "Arsen Melkonyan",
	    0, 0.6);
}

START_TEST(test_merge_across_articles)
{
	char *s = rows_of(surname_and_full);

	ck_assert_str_eq(s,
		"Arsen Melkonyan,opposition MP,3,3,1,2,opp,"
		"MP Arsen Melkonyan|Arsen Melkonyan|Melkonyan\n"
		"officials,,1,1,1,0,gov,officials\n");
	free(s);
}
END_TEST

/* Two surnames shared by two full names stay apart; ties in quotes go
 * by name; a tie in counts goes to the larger probability. */
static void two_people(struct st_people *p)
{
	add(p, "N:anna petrosyan", "Anna Petrosyan", "", "Anna Petrosyan", 0,
	    0.4);
	add(p, "N:anna petrosyan", "Anna Petrosyan", "", "Anna Petrosyan", 1,
	    0.45);
	add(p, "N:aram petrosyan", "Aram Petrosyan", "analyst",
	    "Aram Petrosyan", 0, 0.7);
	add(p, "S:petrosyan", "Petrosyan", "", "Petrosyan", 0, 0.5);
}

START_TEST(test_ambiguous_surname)
{
	char *s = rows_of(two_people);

	ck_assert_str_eq(s,
		"Anna Petrosyan,,2,2,1,1,opp,Anna Petrosyan\n"
		"Aram Petrosyan,analyst,1,1,1,0,gov,Aram Petrosyan\n"
		"Petrosyan,,1,1,1,0,gov,Petrosyan\n");
	free(s);
}
END_TEST

/* Tabs, newlines and backslashes in names survive the files. */
static void odd_names(struct st_people *p)
{
	add(p, "R:a\tb\\c", "a\tb\\c", "x\ny", "a\tb\\c", 1, 0.1);
}

START_TEST(test_escapes)
{
	char *s = rows_of(odd_names);

	ck_assert_str_eq(s, "a\tb\\c,\"x\ny\",1,1,0,1,opp,a\tb\\c\n");
	free(s);
}
END_TEST

static void nobody(struct st_people *p)
{
	(void)p;
}

START_TEST(test_empty)
{
	char *s = rows_of(nobody);

	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

/* sort(1) by the first fields as bytes; its own message comes back as
 * the error, and nothing of it is left in the folder. */
START_TEST(test_sort_file)
{
	char dir[256], in[300], out[300], names[1024], got[64] = "";
	struct st_error err = { 0 };
	FILE *fp;

	test_make_dir(dir, sizeof dir, "sort");
	snprintf(in, sizeof in, "%s/in", dir);
	snprintf(out, sizeof out, "%s/out", dir);
	fp = fopen(in, "w");
	fputs("b\t2\nB\t9\na\t3\nb\t1\n", fp);
	fclose(fp);
	ck_assert_int_eq(st_sort_file(in, out, 2, dir, &err), 0);
	fp = fopen(out, "r");
	ck_assert_uint_eq(fread(got, 1, sizeof got - 1, fp), 16);
	fclose(fp);
	ck_assert_str_eq(got, "B\t9\na\t3\nb\t1\nb\t2\n");
	unlink(in);
	unlink(out);
	ck_assert_int_eq(st_sort_file(in, out, 1, dir, &err), -1);
	ck_assert_str_eq(err.file, in);
	ck_assert_msg(strncmp(err.msg, "sort failed: ", 13) == 0 &&
	              strstr(err.msg, "No such file"), "%s", err.msg);
	test_list_dir(dir, names, sizeof names);
	ck_assert_str_eq(names, "");
	test_rm_dir(dir);
}
END_TEST

/* Two people named alike with as many quotes: the one seen first in the
 * batch comes first, by article id (a shorter id first), then by its
 * place in the article.  The batch in one table: */
static void alike(struct st_people *p)
{
	add_in(p, "b", "A:7", "Same", "third", "Same", 0, 0.9);
	add_in(p, "b", "R:same", "Same", "fourth", "Same", 0, 0.9);
	add_in(p, "b0", "N:ann lee", "Same", "fifth", "Same", 0, 0.9);
	add_in(p, "c", "S:same", "Same", "sixth", "Same", 0, 0.9);
}

#define ALIKE "Same,third,1,1,1,0,gov,Same\n" \
              "Same,fourth,1,1,1,0,gov,Same\n" \
              "Same,fifth,1,1,1,0,gov,Same\n" \
              "Same,sixth,1,1,1,0,gov,Same\n"

START_TEST(test_first_seen)
{
	char *s = rows_of(alike);

	ck_assert_str_eq(s, ALIKE);
	free(s);
}
END_TEST

/* The same batch from two tables, each over articles of its own and
 * split in two by group (st_people_split), its files left as written
 * (st_people_end_split), each half sorted and folded from both
 * (st_people_merge) and written as one batch
 * (st_people_add_sorted); the folder is left with the caller's files
 * only. */
static char part_dir[256];

static void from_parts(struct st_people *p)
{
	static char names[6][300];
	static char *outs[2][2] = { { names[0], names[1] },
	                            { names[2], names[3] } };
	struct st_error err = { 0 };
	struct st_people *t[2];
	char list[1024];
	int i, j;

	for (i = 0; i < 6; i++)
		snprintf(names[i], sizeof names[i], "%s/%s%d", part_dir,
		         i < 4 ? "part" : "rows", i);
	for (i = 0; i < 2; i++) {
		t[i] = st_people_new(part_dir, 2, &err);
		ck_assert_ptr_nonnull(t[i]);
		ck_assert_int_eq(st_people_split(t[i], 2, &err), 0);
	}
	add_in(t[1], "b", "A:7", "Same", "third", "Same", 0, 0.9);
	add_in(t[1], "b", "R:same", "Same", "fourth", "Same", 0, 0.9);
	add_in(t[0], "b0", "N:ann lee", "Same", "fifth", "Same", 0, 0.9);
	add_in(t[1], "c", "S:same", "Same", "sixth", "Same", 0, 0.9);
	for (i = 0; i < 2; i++) {
		ck_assert_int_eq(st_people_end_split(t[i], outs[i], &err), 0);
		st_people_free(t[i]);
	}
	for (j = 0; j < 2; j++) {
		char *ins[2] = { outs[0][j], outs[1][j] };

		ck_assert_int_eq(st_people_merge(ins, 2, names[4 + j], part_dir,
		                                 2, &err), 0);
		st_people_add_sorted(p, names[4 + j]);
	}
	test_list_dir(part_dir, list, sizeof list);
	ck_assert_str_eq(list, "part0|part1|part2|part3|rows4|rows5");
}

START_TEST(test_parts)
{
	char *s;

	test_make_dir(part_dir, sizeof part_dir, "parts");
	s = rows_of(from_parts);
	ck_assert_str_eq(s, ALIKE);
	free(s);
	test_rm_dir(part_dir);
}
END_TEST

/* fn over two files holding in1 and in2, keyed by their first two
 * fields: the lines "a 0, a 1, b 2, b 3, c 0" out; the second file gone,
 * an error naming the first. */
static void check_sort(int (*fn)(char *const *, size_t, const char *, int,
                                 const char *, struct st_error *),
                       const char *name, const char *in1, const char *in2)
{
	char dir[256], in[2][300], out[300], got[64] = "";
	char *ins[2] = { in[0], in[1] };
	struct st_error err = { 0 };
	FILE *fp;

	test_make_dir(dir, sizeof dir, name);
	snprintf(in[0], sizeof in[0], "%s/in1", dir);
	snprintf(in[1], sizeof in[1], "%s/in2", dir);
	snprintf(out, sizeof out, "%s/out", dir);
	fp = fopen(in[0], "w");
	fputs(in1, fp);
	fclose(fp);
	fp = fopen(in[1], "w");
	fputs(in2, fp);
	fclose(fp);
	ck_assert_int_eq(fn(ins, 2, out, 2, dir, &err), 0);
	fp = fopen(out, "r");
	ck_assert_uint_eq(fread(got, 1, sizeof got - 1, fp), 20);
	fclose(fp);
	ck_assert_str_eq(got, "a\t0\na\t1\nb\t2\nb\t3\nc\t0\n");
	unlink(in[1]);
	ck_assert_int_eq(fn(ins, 2, out, 2, dir, &err), -1);
	ck_assert_str_eq(err.file, in[0]);
	ck_assert_msg(strstr(err.msg, "No such file") != NULL, "%s", err.msg);
	test_rm_dir(dir);
}

/* sort -m: files sorted apart, merged by their first fields. */
START_TEST(test_sort_merge)
{
	check_sort(st_sort_merge, "merge", "a\t1\nb\t2\nc\t0\n",
	           "a\t0\nb\t3\n");
}
END_TEST

/* Files not sorted, their lines sorted together by their first fields. */
START_TEST(test_sort_files)
{
	check_sort(st_sort_files, "files", "c\t0\na\t1\nb\t2\n",
	           "b\t3\na\t0\n");
}
END_TEST

/* sort's lines read from a pipe; a sort that fails gives its message,
 * and nothing of it is left in the folder. */
START_TEST(test_sort_open)
{
	char dir[256], in[300], names[1024], got[64] = "";
	char *ins[1] = { in };
	struct st_error err = { 0 };
	struct st_sort sort;
	FILE *fp;

	test_make_dir(dir, sizeof dir, "pipe");
	snprintf(in, sizeof in, "%s/in", dir);
	fp = fopen(in, "w");
	fputs("b\t2\na\t3\nb\t1\n", fp);
	fclose(fp);
	fp = st_sort_open(ins, 1, 0, 2, dir, &sort, &err);
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fread(got, 1, sizeof got - 1, fp), 12);
	ck_assert_int_eq(st_sort_close(&sort, 0, &err), 0);
	ck_assert_str_eq(got, "a\t3\nb\t1\nb\t2\n");
	unlink(in);
	fp = st_sort_open(ins, 1, 0, 2, dir, &sort, &err);
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(fgetc(fp), EOF);
	ck_assert_int_eq(st_sort_close(&sort, 0, &err), -1);
	ck_assert_str_eq(err.file, in);
	ck_assert_msg(strncmp(err.msg, "sort failed: ", 13) == 0 &&
	              strstr(err.msg, "No such file"), "%s", err.msg);
	test_list_dir(dir, names, sizeof names);
	ck_assert_str_eq(names, "");
	test_rm_dir(dir);
}
END_TEST

Suite *people_suite(void)
{
	Suite *s = suite_create("people");
	TCase *tc = tcase_create("people");

	tcase_add_test(tc, test_merge_across_articles);
	tcase_add_test(tc, test_ambiguous_surname);
	tcase_add_test(tc, test_escapes);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_sort_file);
	tcase_add_test(tc, test_first_seen);
	tcase_add_test(tc, test_parts);
	tcase_add_test(tc, test_sort_merge);
	tcase_add_test(tc, test_sort_files);
	tcase_add_test(tc, test_sort_open);
	suite_add_tcase(s, tc);
	return s;
}
