/* fuzz_annotations.c - the annotation CSV reader (what stance-train reads
 * from spreadsheets) and the quotes-file reader on arbitrary bytes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "learn/learn.h"
#include "io/io.h"
#include "core/core.h"

static char dir[] = "/tmp/stance-fuzz-XXXXXX";
static char *labels[] = { "pro-Russia opposition", "government",
	"Western-leaning analyst" };

static void setup(void)
{
	char path[64];
	FILE *fp;

	if (!mkdtemp(dir))
		abort();
	snprintf(path, sizeof path, "%s/a.txt", dir);
	fp = fopen(path, "w");
	if (!fp)
		abort();
	fputs("\"We stay,\" said Ara Vardanyan, an opposition MP.\n", fp);
	fclose(fp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	struct st_labelled l;
	struct st_quotes qs;
	struct st_error err;

	if (!ready) {
		setup();
		ready = 1;
	}
	memset(&l, 0, sizeof l);
	l.articles_dir = dir;
	l.labels = labels;
	l.nlabels = 3;
	st_quotes_init(&qs);
	/* twice, as two sheets: the second meets every quote again */
	if (st_labelled_load(&l, "fuzz.csv", (const char *)data, size, &qs,
	                     &err) == 0)
		st_labelled_load_sheet(&l, "fuzz-2.csv", (const char *)data,
		                       size, 1, &qs, &err);
	st_labelled_finish(&l);
	st_quotes_finish(&qs);
	st_quotes_init(&qs);
	st_quotes_read("fuzz.csv", (const char *)data, size, &qs, &err);
	st_quotes_finish(&qs);
	return 0;
}
