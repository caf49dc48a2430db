/* test_commit.c - folders replaced whole, and what kills leave behind. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "io/io.h"
#include "suites.h"

static void put(const char *dir, const char *name, const char *text)
{
	char path[4096];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	fputs(text, fp);
	ck_assert_int_eq(fclose(fp), 0);
}

static void get(const char *dir, const char *name, char *out, size_t size)
{
	char path[4096];
	FILE *fp;
	size_t n;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	fp = fopen(path, "r");
	ck_assert_msg(fp != NULL, "cannot open %s", path);
	n = fread(out, 1, size - 1, fp);
	out[n] = '\0';
	fclose(fp);
}

START_TEST(test_stage_creates_folder)
{
	char top[64], dir[128], got[256];
	struct st_stage s;
	struct st_error err;
	struct stat sb;

	test_make_dir(top, sizeof top, "commit");
	snprintf(dir, sizeof dir, "%s/reports", top);
	ck_assert_int_eq(st_stage_open(&s, dir, NULL, &err), 0);
	/* beside the folder, named for this host and process */
	ck_assert_int_eq(strncmp(s.path, dir, strlen(dir)), 0);
	ck_assert_int_eq(strncmp(s.path + strlen(dir), ".new-", 5), 0);
	ck_assert_int_eq(stat(s.path, &sb), 0);
	ck_assert_uint_eq(sb.st_mode & 0777, 0777 & ~st_umask());
	put(s.path, "a.csv", "new a\n");
	ck_assert_int_eq(st_stage_commit(&s, 0, &err), 0);
	ck_assert_ptr_null(s.path);
	get(dir, "a.csv", got, sizeof got);
	ck_assert_str_eq(got, "new a\n");
	test_list_dir(top, got, sizeof got);
	ck_assert_str_eq(got, "reports");
	ck_assert_int_eq(st_remove_tree(top), 0);
}
END_TEST

START_TEST(test_stage_replaces_whole_and_carries)
{
	char top[64], dir[128], sub[160], got[256];
	struct st_stage s;
	struct st_error err;

	test_make_dir(top, sizeof top, "commit");
	snprintf(dir, sizeof dir, "%s/reports", top);
	ck_assert_int_eq(mkdir(dir, 0777), 0);
	put(dir, "a.csv", "old a\n");
	put(dir, "b.csv", "old b\n");
	snprintf(sub, sizeof sub, "%s/plots", dir);
	ck_assert_int_eq(mkdir(sub, 0777), 0);
	put(sub, "camps.svg", "<svg/>\n");

	ck_assert_int_eq(st_stage_open(&s, dir, NULL, &err), 0);
	put(s.path, "a.csv", "new a\n");
	ck_assert_int_eq(st_stage_commit(&s, ST_STAGE_CARRY, &err), 0);
	/* b.csv and plots/ were the old folder's: carried across */
	test_list_dir(dir, got, sizeof got);
	ck_assert_str_eq(got, "a.csv|b.csv|plots");
	get(dir, "a.csv", got, sizeof got);
	ck_assert_str_eq(got, "new a\n");
	get(sub, "camps.svg", got, sizeof got);
	ck_assert_str_eq(got, "<svg/>\n");
	/* and no stage is left beside it */
	test_list_dir(top, got, sizeof got);
	ck_assert_str_eq(got, "reports");
	ck_assert_int_eq(st_remove_tree(top), 0);
}
END_TEST

START_TEST(test_stage_keeps_previous)
{
	char top[64], dir[128], prev[160], got[256];
	struct st_stage s;
	struct st_error err;
	int round;

	test_make_dir(top, sizeof top, "commit");
	snprintf(dir, sizeof dir, "%s/models", top);
	snprintf(prev, sizeof prev, "%s.prev", dir);
	for (round = 1; round <= 3; round++) {
		char text[32];

		ck_assert_int_eq(st_stage_open(&s, dir, NULL, &err), 0);
		snprintf(text, sizeof text, "model %d\n", round);
		put(s.path, "stance.model", text);
		if (round == 1)
			put(s.path, "old-only.txt", "x\n");
		ck_assert_int_eq(st_stage_commit(&s, ST_STAGE_KEEP_PREV, &err), 0);
	}
	get(dir, "stance.model", got, sizeof got);
	ck_assert_str_eq(got, "model 3\n");
	/* nothing carried: the model folder is the trainer's alone */
	test_list_dir(dir, got, sizeof got);
	ck_assert_str_eq(got, "stance.model");
	get(prev, "stance.model", got, sizeof got);
	ck_assert_str_eq(got, "model 2\n");
	test_list_dir(top, got, sizeof got);
	ck_assert_str_eq(got, "models|models.prev");
	ck_assert_int_eq(st_remove_tree(top), 0);
}
END_TEST

START_TEST(test_stage_abort_leaves_old)
{
	char top[64], dir[128], got[256];
	struct st_stage s;
	struct st_error err;

	test_make_dir(top, sizeof top, "commit");
	snprintf(dir, sizeof dir, "%s/reports", top);
	ck_assert_int_eq(mkdir(dir, 0777), 0);
	put(dir, "a.csv", "old a\n");
	ck_assert_int_eq(st_stage_open(&s, dir, NULL, &err), 0);
	put(s.path, "a.csv", "half");
	st_stage_abort(&s);
	ck_assert_ptr_null(s.path);
	test_list_dir(top, got, sizeof got);
	ck_assert_str_eq(got, "reports");
	get(dir, "a.csv", got, sizeof got);
	ck_assert_str_eq(got, "old a\n");
	ck_assert_int_eq(st_remove_tree(top), 0);
}
END_TEST

/* A stage of a process that was killed is removed by the next; a stage
 * of a live process, or of another host, never is. */
START_TEST(test_stale_stages_removed)
{
	char top[64], dir[128], path[256], got[512];
	struct st_stage s;
	struct st_error err;
	pid_t child;
	int status;

	test_make_dir(top, sizeof top, "commit");
	snprintf(dir, sizeof dir, "%s/reports", top);
	child = fork();
	ck_assert_int_ge(child, 0);
	if (child == 0) {
		/* opens a stage, writes, and dies as a kill would leave it */
		if (st_stage_open(&s, dir, NULL, &err) != 0)
			_exit(1);
		put(s.path, "quotes.csv", "half\n");
		_exit(0);
	}
	ck_assert_int_eq(waitpid(child, &status, 0), child);
	ck_assert_int_eq(WEXITSTATUS(status), 0);
	snprintf(path, sizeof path, "%s.new-elsewhere-1-abcdef", dir);
	ck_assert_int_eq(mkdir(path, 0777), 0);
	test_list_dir(top, got, sizeof got);
	ck_assert_int_eq(strncmp(got, "reports.new-", 12), 0);
	ck_assert_ptr_nonnull(strchr(got, '|'));	/* two of them */

	ck_assert_int_eq(st_stage_open(&s, dir, NULL, &err), 0);
	test_list_dir(top, got, sizeof got);
	/* the dead one is gone: ours and the other host's remain */
	{
		char want[512];
		const char *mine = strrchr(s.path, '/') + 1;
		snprintf(want, sizeof want, "reports.new-elsewhere-1-abcdef|%s",
		         mine);
		ck_assert_str_eq(got, want);
	}
	st_stage_abort(&s);
	ck_assert_int_eq(st_remove_tree(top), 0);
}
END_TEST

/* A run killed after it carried plots/ into its stage, before the swap:
 * the next run puts plots/ back and drops the half-made reports. */
START_TEST(test_stale_stage_gives_back_carried)
{
	static const char *const own[] = { "quotes.csv", NULL };
	char top[64], dir[128], got[256];
	struct st_stage s;
	struct st_error err;
	pid_t child;
	int status;

	test_make_dir(top, sizeof top, "commit");
	snprintf(dir, sizeof dir, "%s/reports", top);
	ck_assert_int_eq(mkdir(dir, 0777), 0);
	put(dir, "quotes.csv", "old\n");
	snprintf(got, sizeof got, "%s/plots", dir);
	ck_assert_int_eq(mkdir(got, 0777), 0);
	child = fork();
	ck_assert_int_ge(child, 0);
	if (child == 0) {
		char to[256];
		if (st_stage_open(&s, dir, own, &err) != 0)
			_exit(1);
		put(s.path, "quotes.csv", "new\n");
		snprintf(to, sizeof to, "%s/plots", s.path);
		_exit(rename(got, to) != 0);
	}
	ck_assert_int_eq(waitpid(child, &status, 0), child);
	ck_assert_int_eq(WEXITSTATUS(status), 0);
	test_list_dir(dir, got, sizeof got);
	ck_assert_str_eq(got, "quotes.csv");

	ck_assert_int_eq(st_stage_open(&s, dir, own, &err), 0);
	test_list_dir(dir, got, sizeof got);
	ck_assert_str_eq(got, "plots|quotes.csv");
	get(dir, "quotes.csv", got, sizeof got);
	ck_assert_str_eq(got, "old\n");
	st_stage_abort(&s);
	test_list_dir(top, got, sizeof got);
	ck_assert_str_eq(got, "reports");
	ck_assert_int_eq(st_remove_tree(top), 0);
}
END_TEST

START_TEST(test_temp_prefix)
{
	char *p = st_temp_prefix("out/q.csv"), want[128];

	snprintf(want, sizeof want, "out/q.csv.tmp-%s-%ld-", st_host(),
	         (long)getpid());
	ck_assert_str_eq(p, want);
	ck_assert_ptr_null(strchr(st_host(), '-'));
	ck_assert_ptr_null(strchr(st_host(), '/'));
	free(p);
}
END_TEST

START_TEST(test_stage_open_fails_clearly)
{
	struct st_stage s;
	struct st_error err;

	memset(&err, 0, sizeof err);
	ck_assert_int_eq(st_stage_open(&s, "/nonexistent/dir/reports", NULL, &err), -1);
	ck_assert_str_eq(err.file, "/nonexistent/dir/reports");
	ck_assert_str_eq(err.msg, "cannot create a folder beside it: "
	                 "No such file or directory");
	ck_assert_ptr_null(s.path);
}
END_TEST

/* "reports/" is the folder reports; "." and "/" cannot be swapped */
START_TEST(test_stage_names)
{
	char top[64], dir[128], got[256];
	struct st_stage s;
	struct st_error err;

	test_make_dir(top, sizeof top, "commit");
	snprintf(dir, sizeof dir, "%s/reports//", top);
	ck_assert_int_eq(st_stage_open(&s, dir, NULL, &err), 0);
	put(s.path, "a.csv", "a\n");
	ck_assert_int_eq(st_stage_commit(&s, 0, &err), 0);
	test_list_dir(top, got, sizeof got);
	ck_assert_str_eq(got, "reports");
	ck_assert_int_eq(st_stage_open(&s, ".", NULL, &err), -1);
	ck_assert_str_eq(err.msg, "cannot replace this folder whole: name it "
	                 "by its path");
	ck_assert_int_eq(st_stage_open(&s, "a/..", NULL, &err), -1);
	ck_assert_int_eq(st_stage_open(&s, "/", NULL, &err), -1);
	ck_assert_int_eq(st_remove_tree(top), 0);
}
END_TEST

START_TEST(test_remove_tree)
{
	char top[64], sub[128], got[128];

	test_make_dir(top, sizeof top, "commit");
	snprintf(got, sizeof got, "%s/a", top);
	snprintf(sub, sizeof sub, "%s/a/b", top);
	ck_assert_int_eq(mkdir(got, 0777), 0);
	ck_assert_int_eq(mkdir(sub, 0777), 0);
	put(sub, "x.csv", "x\n");
	ck_assert_int_eq(st_remove_tree(top), 0);
	ck_assert_int_eq(access(top, F_OK), -1);
	/* gone already: not an error */
	ck_assert_int_eq(st_remove_tree(top), 0);
}
END_TEST

Suite *commit_suite(void)
{
	Suite *s = suite_create("commit");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_stage_creates_folder);
	tcase_add_test(tc, test_stage_replaces_whole_and_carries);
	tcase_add_test(tc, test_stage_keeps_previous);
	tcase_add_test(tc, test_stage_abort_leaves_old);
	tcase_add_test(tc, test_stale_stages_removed);
	tcase_add_test(tc, test_stale_stage_gives_back_carried);
	tcase_add_test(tc, test_stage_names);
	tcase_add_test(tc, test_remove_tree);
	tcase_add_test(tc, test_temp_prefix);
	tcase_add_test(tc, test_stage_open_fails_clearly);
	suite_add_tcase(s, tc);
	return s;
}
