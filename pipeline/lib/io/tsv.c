/* tsv.c - lines of tab-separated fields for files of a run's own, and
 * sort(1) over them, so that a table larger than memory is sorted on
 * disk by a tool made for it. */
#include "io/io.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

void st_tsv_escape(struct st_buf *b, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '\\': st_buf_adds(b, "\\\\"); break;
		case '\t': st_buf_adds(b, "\\t"); break;
		case '\n': st_buf_adds(b, "\\n"); break;
		case '\r': st_buf_adds(b, "\\r"); break;
		default: st_buf_addc(b, *s);
		}
}

void st_tsv_put(FILE *fp, const char *s)
{
	struct st_buf b = ST_BUF_INIT;

	if (!s[strcspn(s, "\\\t\n\r")]) {	/* nothing to escape */
		fputs(s, fp);
		return;
	}
	st_tsv_escape(&b, s);
	fputs(b.s, fp);
	st_buf_finish(&b);
}

/* Undo st_tsv_put() in place on a field of a line read back. */
char *st_tsv_unescape(char *s)
{
	char *r = s, *w = s;

	for (; *r; r++) {
		if (*r == '\\' && r[1]) {
			r++;
			*w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' :
			       *r == 'r' ? '\r' : *r;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
	return s;
}

/* Split line at tabs into at most max fields; returns how many. */
int st_tsv_split(char *line, char **f, int max)
{
	int n = 0;

	line[strcspn(line, "\n")] = '\0';
	f[n++] = line;
	while (n < max && (line = strchr(line, '\t'))) {
		*line++ = '\0';
		f[n++] = line;
	}
	return n;
}

/* sort(1) in the C locale, by the first nkeys tab-separated fields, with
 * its memory bounded (enough for a file of some 20 MB to be sorted
 * without temporary files) and its temporary files beside ours: the
 * files ins[0..nin) sorted as one, or with merge (-m) merged, into out,
 * or with out NULL onto a pipe whose end to read is *rfd.  s gets the
 * process and the file its message goes to (sort_wait() ends them).
 * Errors name ins[0]. */
static int spawn_sort(char *const *ins, size_t nin, int merge,
                      const char *out, int *rfd, int nkeys,
                      const char *tmpdir, struct st_sort *s,
                      struct st_error *err)
{
	char **argv = st_xmalloc((nin + 16) * sizeof *argv), **envp, *pre;
	char k1[] = "-k1,1", k2[] = "-k2,2", k3[] = "-k3,3";
	size_t n = 0, ne = 0, i;
	posix_spawn_file_actions_t fa;
	int pfd[2] = { -1, -1 }, e;

	memset(s, 0, sizeof *s);
	s->in = ins[0];
	argv[n++] = "sort";
	if (merge)
		argv[n++] = "-m";
	argv[n++] = "-t";
	argv[n++] = "\t";
	argv[n++] = k1;
	if (nkeys > 1)
		argv[n++] = k2;
	if (nkeys > 2)
		argv[n++] = k3;
	argv[n++] = "-S";
	argv[n++] = "32M";
	argv[n++] = "-T";
	argv[n++] = (char *)tmpdir;
	if (out) {
		argv[n++] = "-o";
		argv[n++] = (char *)out;
	}
	for (i = 0; i < nin; i++)
		argv[n++] = ins[i];
	argv[n] = NULL;
	while (environ[ne])
		ne++;
	envp = st_xmalloc((ne + 2) * sizeof *envp);
	envp[0] = "LC_ALL=C";
	for (i = 0; i < ne; i++)
		envp[i + 1] = environ[i];
	envp[ne + 1] = NULL;
	/* sort's own message goes to a file of ours, to be given back as
	 * the error, not printed */
	pre = st_temp_prefix("sort");
	s->errpath = st_join(tmpdir, pre);
	free(pre);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 2, s->errpath,
	                                 O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (!out) {
		if (pipe(pfd)) {
			e = errno;
			goto spawned;
		}
		/* the end to read is not inherited by children to come */
		fcntl(pfd[0], F_SETFD, FD_CLOEXEC);
		posix_spawn_file_actions_adddup2(&fa, pfd[1], 1);
		posix_spawn_file_actions_addclose(&fa, pfd[0]);
		posix_spawn_file_actions_addclose(&fa, pfd[1]);
	}
	e = posix_spawnp(&s->pid, "sort", &fa, NULL, argv, envp);
spawned:
	posix_spawn_file_actions_destroy(&fa);
	free(envp);
	free(argv);
	if (pfd[1] >= 0)
		close(pfd[1]);
	if (e) {
		if (pfd[0] >= 0)
			close(pfd[0]);
		unlink(s->errpath);
		free(s->errpath);
		s->errpath = NULL;
		return st_fail(err, s->in, 0, "cannot run sort: %s",
		               strerror(e));
	}
	if (rfd)
		*rfd = pfd[0];
	return 0;
}

/* Wait for the sort of s; 0 when it succeeded, else -1 with err from
 * its message. */
static int sort_wait(struct st_sort *s, struct st_error *err)
{
	int status, rc = -1;

	while (waitpid(s->pid, &status, 0) < 0)
		if (errno != EINTR) {
			st_fail(err, s->in, 0, "sort: %s", strerror(errno));
			goto out;
		}
	if (WIFEXITED(status) && !WEXITSTATUS(status)) {
		rc = 0;
		goto out;
	}
	{
		char line[400] = "";
		FILE *fp = fopen(s->errpath, "r");

		if (fp) {
			if (!fgets(line, sizeof line, fp))
				line[0] = '\0';
			fclose(fp);
		}
		line[strcspn(line, "\n")] = '\0';
		if (line[0])
			st_fail(err, s->in, 0, "sort failed: %s",
			        strncmp(line, "sort: ", 6) ? line : line + 6);
		else
			st_fail(err, s->in, 0, "sort failed (status %d)", status);
	}
out:
	unlink(s->errpath);
	free(s->errpath);
	s->errpath = NULL;
	return rc;
}

static int run_sort(char *const *ins, size_t nin, int merge, const char *out,
                    int nkeys, const char *tmpdir, struct st_error *err)
{
	struct st_sort s;

	if (spawn_sort(ins, nin, merge, out, NULL, nkeys, tmpdir, &s, err))
		return -1;
	return sort_wait(&s, err);
}

FILE *st_sort_open(char *const *ins, size_t n, int merge, int nkeys,
                   const char *tmpdir, struct st_sort *s,
                   struct st_error *err)
{
	int fd = -1;

	if (spawn_sort(ins, n, merge, NULL, &fd, nkeys, tmpdir, s, err))
		return NULL;
	s->fp = fdopen(fd, "r");
	if (!s->fp) {
		st_fail(err, s->in, 0, "cannot read sort: %s", strerror(errno));
		close(fd);
		sort_wait(s, &(struct st_error){ 0 });
		return NULL;
	}
	return s->fp;
}

int st_sort_close(struct st_sort *s, int rc, struct st_error *err)
{
	struct st_error e = { 0 };
	char buf[4096];

	/* read to the end, so that sort never writes to a closed pipe: a
	 * failure of its own is then the cause of what the reader saw */
	if (s->fp) {
		while (rc && fread(buf, 1, sizeof buf, s->fp) > 0)
			;
		fclose(s->fp);
	}
	s->fp = NULL;
	if (sort_wait(s, &e)) {
		*err = e;
		return -1;
	}
	return rc;
}

int st_sort_file(const char *in, const char *out, int nkeys,
                 const char *tmpdir, struct st_error *err)
{
	char *ins[1];

	ins[0] = (char *)in;
	return run_sort(ins, 1, 0, out, nkeys, tmpdir, err);
}

int st_sort_files(char *const *ins, size_t n, const char *out, int nkeys,
                  const char *tmpdir, struct st_error *err)
{
	return run_sort(ins, n, 0, out, nkeys, tmpdir, err);
}

int st_sort_merge(char *const *ins, size_t n, const char *out, int nkeys,
                  const char *tmpdir, struct st_error *err)
{
	return run_sort(ins, n, 1, out, nkeys, tmpdir, err);
}
