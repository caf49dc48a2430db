/* parallel.c - fork, run, read back. */
#include "core/core.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

int st_jobs(void)
{
	const char *e = getenv("STANCE_JOBS");
	long n;

	if (e && st_parse_long(e, &n) == 0 && n >= 1 && n <= 256)
		return (int)n;
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n >= 1 ? (int)(n > 64 ? 64 : n) : 1;
}

struct child {
	pid_t pid;
	int fd;
	int task;
};

static int collect(struct child *c, size_t size, char *results,
                   struct st_error *err)
{
	char *p = results + (size_t)c->task * size;
	size_t got = 0;
	int status, ok;

	while (got < size) {
		ssize_t r = read(c->fd, p + got, size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(c->fd);
	while (waitpid(c->pid, &status, 0) < 0 && errno == EINTR)
		;
	ok = got == size && WIFEXITED(status) && WEXITSTATUS(status) == 0;
	if (!ok)
		return st_fail(err, NULL, 0, "a worker process for task %d "
		               "failed", c->task);
	return 0;
}

/* In a worker: a parent killed (by SIGKILL, which it cannot catch) takes
 * the worker with it, as a SIGTERM, which removes its temporary files
 * through the handlers it inherited; a parent already gone ends it at
 * once. */
static void orphan_ends(pid_t parent)
{
#ifdef __linux__
	prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
	if (getppid() != parent)
		_exit(1);
}

int st_parallel(int n, int jobs, size_t size,
                void (*fn)(int i, void *arg, void *out), void *arg,
                void *results, void (*done)(int finished, int n, void *arg),
                struct st_error *err)
{
	struct child *run;
	int next = 0, active = 0, finished = 0, rc = 0, i;
	pid_t parent;

	if (jobs <= 1 || n <= 1) {
		for (i = 0; i < n; i++) {
			fn(i, arg, (char *)results + (size_t)i * size);
			if (done)
				done(i + 1, n, arg);
		}
		return 0;
	}
	run = st_xcalloc((size_t)jobs, sizeof *run);
	parent = getpid();
	fflush(NULL);
	while ((next < n && rc == 0) || active) {
		if (next < n && rc == 0 && active < jobs) {
			int fds[2];
			pid_t pid;

			if (pipe(fds) != 0) {
				rc = st_fail(err, NULL, 0, "pipe: %s",
				             strerror(errno));
				continue;
			}
			pid = fork();
			if (pid < 0) {
				close(fds[0]);
				close(fds[1]);
				rc = st_fail(err, NULL, 0, "fork: %s",
				             strerror(errno));
				continue;
			}
			if (pid == 0) {
				char *out = st_xcalloc(1, size);
				size_t put = 0;

				close(fds[0]);
				orphan_ends(parent);
				fn(next, arg, out);
				while (put < size) {
					ssize_t w = write(fds[1], out + put,
					                  size - put);
					if (w < 0 && errno == EINTR)
						continue;
					if (w <= 0)
						_exit(1);
					put += (size_t)w;
				}
				_exit(0);
			}
			close(fds[1]);
			for (i = 0; i < jobs; i++)
				if (!run[i].pid) {
					run[i].pid = pid;
					run[i].fd = fds[0];
					run[i].task = next;
					break;
				}
			next++;
			active++;
			continue;
		}
		/* wait for the oldest: results are read in full before
		 * waiting, so a child never blocks on a full pipe for long */
		for (i = 0; i < jobs; i++)
			if (run[i].pid)
				break;
		for (int j = 0; j < jobs; j++)
			if (run[j].pid && run[j].task < run[i].task)
				i = j;
		if (collect(&run[i], size, results, err) != 0)
			rc = -1;
		run[i].pid = 0;
		active--;
		finished++;
		if (done && rc == 0)
			done(finished, n, arg);
	}
	free(run);
	return rc;
}
