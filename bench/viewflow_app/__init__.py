"""A minimal django-viewflow 2 app for the engine bench (bench/bench_cases_engine.py); never in govhall."""
