/* fuzz_actors.c - the actor dictionary's loader and name matching, and
 * the dateline reader, on arbitrary bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract.h"
#include "report/report.h"
#include "core/core.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct st_actors *shipped;
	struct st_actors *a = st_actors_new();
	struct st_error err;
	const struct st_aff *f[4];
	struct st_buf b = ST_BUF_INIT, key = ST_BUF_INIT;
	char *s = st_xstrndup((const char *)data, size);
	char date[11], source[16];
	int who;

	if (!shipped) {
		shipped = st_actors_new();
		if (st_actors_load_default(shipped, &err))
			abort();
	}
	/* the bytes as a user's actor file, after the shipped one */
	if (st_actors_load_default(a, &err) == 0 &&
	    st_actors_load(a, "fuzz.txt", (const char *)data, size, &err) == 0)
		st_actors_resolve(a, "Nikol Pashinyan", "an ARF MP", "", &who, f, 4);
	/* and as names, roles and an article (the matching takes any text
	 * that is valid UTF-8, as the quotes file holds) */
	if (st_check_text("fuzz", s, strlen(s), &err) == 0) {
		st_actors_resolve(shipped, s, s, "2024-01-01", &who, f, 4);
		st_name_strip_titles(s, strlen(s), &b);
		st_speaker_key(shipped, s, &key, &b);
		st_evidence(shipped, s, s, "", "government", &b);
		st_article_date(s, s, strlen(s), date, source, sizeof source);
	}
	st_article_date("2024-01-01-x", (const char *)data, size, date, source,
	                sizeof source);
	st_buf_finish(&b);
	st_buf_finish(&key);
	st_actors_free(a);
	free(s);
	return 0;
}
