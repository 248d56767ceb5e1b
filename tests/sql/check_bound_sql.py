#!/usr/bin/env python3
"""Fails when SQL in the sources is built from strings instead of bound parameters.

Every C++ statement that holds an SQL string literal (one starting with SELECT, INSERT, UPDATE,
DELETE, WITH, CREATE, ALTER, DROP, PRAGMA, REPLACE or ATTACH) is looked at whole, from the
previous ';', '{' or '}' to its ';'. If anything outside its string literals splices text into it
(QString::arg, '+' or '+='), the statement is refused unless a comment `// sql-identifiers: WHY` on
it or on the line before says what is spliced and why no value from a user can reach it (a column
name chosen from a fixed list, a placeholder list, a constant). Values always go through '?' or
':name' placeholders and QSqlQuery::bindValue. What it cannot see: SQL kept in a variable whose
statement holds no SQL literal (PromptLibrary's column list); such sites carry the comment anyway.

  check_bound_sql.py ROOT DIR...     check the C++ files under ROOT/DIR...
  check_bound_sql.py --self-test     show that the check refuses what it must and passes the rest
"""
import bisect
import pathlib
import re
import sys

# SQL is written in capitals here; English text that starts with "Delete" or "with" is not SQL.
KEYWORDS = re.compile(r'^\s*(SELECT\s|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|WITH\s+\w+|CREATE\s|ALTER\s+TABLE'
                      r'|DROP\s|PRAGMA\s|REPLACE\s+INTO|ATTACH\s)')
MARKER = 'sql-identifiers:'


def literals_and_code(text):
    """Splits C++ text into (kind, piece, offset): 'string', 'comment' or 'code'."""
    pieces = []
    i = 0
    n = len(text)
    start = 0
    while i < n:
        if text.startswith('//', i):
            end = text.find('\n', i)
            end = n if end < 0 else end
            pieces.append(('code', text[start:i], start))
            pieces.append(('comment', text[i:end], i))
            i = start = end
        elif text.startswith('/*', i):
            end = text.find('*/', i + 2)
            end = n if end < 0 else end + 2
            pieces.append(('code', text[start:i], start))
            pieces.append(('comment', text[i:end], i))
            i = start = end
        elif text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == '_')):
            match = re.match(r'R"([^(]*)\(', text[i:])
            if not match:
                i += 1
                continue
            close = ')' + match.group(1) + '"'
            end = text.find(close, i + match.end())
            end = n if end < 0 else end + len(close)
            pieces.append(('code', text[start:i], start))
            pieces.append(('string', text[i + match.end():end - len(close)], i))
            i = start = end
        elif text[i] == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == '\\' else 1
            pieces.append(('code', text[start:i], start))
            pieces.append(('string', text[i + 1:j], i))
            i = start = j + 1
        elif text[i] == "'":
            j = i + 1
            while j < n and text[j] != "'":
                j += 2 if text[j] == '\\' else 1
            i = j + 1
        else:
            i += 1
    pieces.append(('code', text[start:], start))
    return pieces


def findings(path, text):
    pieces = literals_and_code(text)
    problems = []
    # Statement boundaries: ';', '{' and '}' in code.
    bounds = [0]
    for kind, piece, offset in pieces:
        if kind == 'code':
            bounds += [offset + k + 1 for k, c in enumerate(piece) if c in ';{}']
    bounds.append(len(text))
    bounds.sort()
    seen = set()
    for kind, piece, offset in pieces:
        if kind != 'string' or not KEYWORDS.match(piece):
            continue
        at = bisect.bisect_right(bounds, offset)
        begin, end = bounds[at - 1], bounds[at] if at < len(bounds) else len(text)
        if (begin, end) in seen:
            continue
        seen.add((begin, end))
        # Pieces clipped to the statement: a code piece may run on past its ';'.
        within = [(k, p[max(0, begin - o):max(0, end - o)]) for k, p, o in pieces if o < end and o + len(p) > begin]
        code = ''.join(p for k, p in within if k == 'code')
        comments = ''.join(p for k, p in within if k == 'comment')
        spliced = '.arg(' in code or re.search(r'\+=?', code.replace('++', ''))
        if not spliced:
            continue
        line = text.count('\n', 0, offset) + 1
        if MARKER in comments:
            continue
        problems.append(f'{path}:{line}: SQL built from strings ({piece.strip()[:50]}…): bind the values, '
                        f'or say why only identifiers are spliced with "// {MARKER} …"')
    return problems


SELF_TEST = {
    'refused: a value with arg': ('q.exec(QStringLiteral("SELECT * FROM runs WHERE name = \'%1\'").arg(name));', 1),
    'refused: a value with +': ('auto sql = QStringLiteral("DELETE FROM runs WHERE id = ") + id;', 1),
    'refused: a raw literal with +=': ('sql += u"UPDATE runs SET name = "_s;\nsql += name;', 1),
    'refused: arg split over lines': ('execute(QStringLiteral("SELECT %1\\n"\n  " FROM t")\n  .arg(column));', 1),
    'passed: bound values': ('execute(QStringLiteral("SELECT * FROM runs WHERE id = ?"), {id});', 0),
    'passed: a marked identifier': ('// sql-identifiers: a column from a fixed list\n'
                                    'execute(QStringLiteral("SELECT %1 FROM t").arg(column));', 0),
    'passed: not SQL': ('auto label = QStringLiteral("Selected %1").arg(count) + suffix;', 0),
}


def self_test():
    failed = 0
    for name, (snippet, expected) in SELF_TEST.items():
        got = len(findings('snippet.cpp', snippet))
        ok = got == expected
        failed += not ok
        print(f'{"ok  " if ok else "FAIL"} {name}: {got} finding(s), expected {expected}')
    return 1 if failed else 0


def main(argv):
    if argv[1:] == ['--self-test']:
        return self_test()
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    root = pathlib.Path(argv[1])
    problems = []
    checked = 0
    for directory in argv[2:]:
        for path in sorted((root / directory).rglob('*.cpp')) + sorted((root / directory).rglob('*.h')):
            checked += 1
            problems += findings(path.relative_to(root), path.read_text(encoding='utf-8'))
    for problem in problems:
        print(problem)
    print(f'{checked} files checked, {len(problems)} statement(s) build SQL from strings')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
