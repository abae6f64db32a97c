"""WeasyPrint's time for one letter, warm: the baseline of benches/pdf.rs.

Usage: target/venv/bin/python benches/weasyprint_baseline.py LETTER.html
Prints the median milliseconds of rendering the HTML file to PDF in memory,
after two warm-up runs. Never a dependency of helder.
"""

import statistics
import sys
import time

from weasyprint import HTML


def main() -> None:
    path = sys.argv[1]
    for _ in range(2):
        HTML(filename=path).write_pdf()
    times = []
    for _ in range(15):
        start = time.perf_counter()
        HTML(filename=path).write_pdf()
        times.append((time.perf_counter() - start) * 1000.0)
    print(f"{statistics.median(times):.3f}")


if __name__ == "__main__":
    main()
