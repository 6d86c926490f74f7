package vn.unionnews.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The literal text a metric cue of {@code metric-cues-vi.txt} cannot match without: one of a few strings that any
 * text it matches holds, so that a sentence holding none of them is not searched with that cue. Reads the subset
 * of regular expressions the cue file uses; anything else only makes the requirement weaker, never wrong.
 */
final class CueLiterals {
    private final String source;
    private final Map<String, String> wordLists;
    private final Map<String, String> slots;
    private int at;

    private CueLiterals(String source, Map<String, String> wordLists, Map<String, String> slots) {
        this.source = source;
        this.wordLists = wordLists;
        this.slots = slots;
    }

    /**
     * Strings of which every match of the cue {@code pattern} (before its slots, gaps and word lists are expanded;
     * {@code wordLists} as {@code (?:a|b)}, {@code slots} the mask characters each slot name stands for, one or
     * more of them) contains one; empty when there are none to require.
     */
    static List<String> required(String pattern, Map<String, String> wordLists, Map<String, String> slots) {
        CueLiterals parser = new CueLiterals(pattern, wordLists, slots);
        List<String> anyOf = parser.alternation();
        if (parser.at != pattern.length()) {
            return List.of(); // an unbalanced ')': leave the cue unfiltered, compiling it reports the error
        }
        return anyOf == null ? List.of() : anyOf;
    }

    /** Alternatives up to a ')' or the end: each must require something, and then one of those is required. */
    private List<String> alternation() {
        List<List<String>> alternatives = new ArrayList<>();
        alternatives.add(sequence());
        while (at < source.length() && source.charAt(at) == '|') {
            at++;
            alternatives.add(sequence());
        }
        Set<String> union = new LinkedHashSet<>();
        for (List<String> alternative : alternatives) {
            if (alternative == null) {
                return null;
            }
            union.addAll(alternative);
        }
        return List.copyOf(union);
    }

    /**
     * A sequence's requirement: of its runs of plain characters (a number slot's mask characters included, so that
     * "{n} lớp" requires a number then " lớp") and its groups, the one whose shortest string is longest.
     */
    private List<String> sequence() {
        List<String> best = null;
        Set<String> run = Set.of("");
        while (at < source.length() && source.charAt(at) != '|' && source.charAt(at) != ')') {
            char c = source.charAt(at);
            List<String> group = null;
            String slot = null;
            String literal = null;
            if (c == '(') {
                group = group();
            } else if (c == '[') {
                skipClass();
            } else if (c == '\\') {
                at += 2;
            } else if (c == '{') {
                String name = source.substring(at + 1, Math.max(at + 1, source.indexOf('}', at)));
                slot = slots.get(name);
                group = slot == null ? reference() : null;
                at = slot == null ? at : at + name.length() + 2;
            } else if (c == '…') {
                at += source.startsWith("… ", at) ? 2 : 1; // the gap takes the space after it
            } else {
                literal = ".^$".indexOf(c) < 0 ? String.valueOf(c) : null;
                at++;
            }
            if (quantified()) {
                group = null;
                slot = null;
                literal = null;
            }
            if (literal != null) {
                run = append(run, literal);
                continue;
            }
            if (slot != null) {
                // A slot is one or more of its mask characters: a run reaches into its first and out of its last.
                best = better(best, append(run, slot));
                run = append(Set.of(""), slot);
                continue;
            }
            best = better(better(best, run), group);
            run = Set.of("");
        }
        return better(best, run);
    }

    /** Each of {@code run} followed by each character of {@code chars}. */
    private static Set<String> append(Set<String> run, String chars) {
        Set<String> out = new LinkedHashSet<>();
        for (String start : run) {
            for (char c : chars.toCharArray()) {
                out.add(start + c);
            }
        }
        return out;
    }

    /** The requirement whose shortest string is longer; an empty string requires nothing. */
    private static List<String> better(List<String> best, Collection<String> candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.contains("")) {
            return best;
        }
        int shortest = candidate.stream().mapToInt(String::length).min().orElse(0);
        int bestShortest = best == null ? 0 : best.stream().mapToInt(String::length).min().orElse(0);
        return shortest > bestShortest ? List.copyOf(candidate) : best;
    }

    /** A group: what it requires, or null for a negative lookaround, whose text need not be there. */
    private List<String> group() {
        at++;
        boolean negative = source.startsWith("?!", at) || source.startsWith("?<!", at);
        if (source.startsWith("?<=", at)) {
            at += 3;
        } else if (source.startsWith("?:", at) || source.startsWith("?=", at) || source.startsWith("?!", at)) {
            at += 2;
        } else if (negative) {
            at += 3;
        }
        List<String> inner = alternation();
        if (at < source.length()) {
            at++; // ')'
        }
        return negative ? null : inner;
    }

    /** A word list "{people}": one of its words. */
    private List<String> reference() {
        int close = source.indexOf('}', at);
        if (close < 0) {
            at = source.length();
            return null;
        }
        String name = source.substring(at + 1, close);
        at = close + 1;
        String words = wordLists.get(name);
        List<String> anyOf = words == null ? List.of() : required(words, wordLists, slots);
        return anyOf.isEmpty() ? null : anyOf;
    }

    private void skipClass() {
        at++;
        if (at < source.length() && source.charAt(at) == '^') {
            at++;
        }
        if (at < source.length() && source.charAt(at) == ']') {
            at++;
        }
        while (at < source.length() && source.charAt(at) != ']') {
            at += source.charAt(at) == '\\' ? 2 : 1;
        }
        at++;
    }

    /** Consumes a quantifier after an item, if one follows: the item is then optional or repeated. */
    private boolean quantified() {
        if (at >= source.length()) {
            return false;
        }
        char c = source.charAt(at);
        boolean counted = c == '{' && at + 1 < source.length() && Character.isDigit(source.charAt(at + 1));
        if (c != '?' && c != '*' && c != '+' && !counted) {
            return false;
        }
        int close = source.indexOf('}', at);
        at = !counted ? at + 1 : close < 0 ? source.length() : close + 1;
        if (at < source.length() && (source.charAt(at) == '?' || source.charAt(at) == '+')) {
            at++; // lazy or possessive
        }
        return true;
    }
}
