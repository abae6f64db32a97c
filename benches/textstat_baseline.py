#!/usr/bin/env python3
"""textstat's Dutch Flesch reading ease (Flesch-Douma) on a file, warm.

Usage: target/venv/bin/python benches/textstat_baseline.py FILE
Prints "SECONDS WORDS": the median CPU time (of this thread, like helder's
side of the benchmark) of one flesch_reading_ease call over
the whole file (after a warm-up call) and textstat's own word count.
textstat caches results per text (lru_cache), so every timed call gets the
text with a different amount of trailing white space: warm, but not cached.
Called by `cargo bench --bench lint`; textstat is never a dependency of helder.
"""
import statistics
import sys
import time

import textstat


def main() -> None:
    text = open(sys.argv[1], encoding="utf-8").read()
    textstat.set_lang("nl")
    textstat.flesch_reading_ease(text)  # warm-up: imports, dictionaries
    times = []
    for i in range(1, 6):
        variant = text + " " * i
        start = time.thread_time()
        textstat.flesch_reading_ease(variant)
        times.append(time.thread_time() - start)
    print(f"{statistics.median(times):.6f} {textstat.lexicon_count(text)}")


if __name__ == "__main__":
    main()
