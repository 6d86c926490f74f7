package vn.unionnews.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quantities written the Vietnamese way: '.' groups thousands and ',' marks decimals ("17.594", "1,9",
 * "6.383,9"), scale words ("1,9 tỷ", "1 tỷ 200 triệu", "5 nghìn"), currency ("200.000đ", "900 triệu đồng"),
 * percentages ("81%") and shares ("164/195"). Dates, times, years, document codes and ordinals are not quantities
 * and are skipped.
 *
 * <p>A single ',' is always a decimal comma, so "82,758" is 82.758 and the English-style counter "255,529" reads as
 * 255.529 too: the two cannot be told apart. Only several ',' groups of three digits ("15,102,192") are read as
 * English thousands.
 */
public final class VietnameseNumbers {
    private static final int WORDS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** A run of digits joined by separators without spaces: "17.594", "14/5/2011", "05:22", "2013-2015". */
    private static final Pattern RUN = Pattern.compile("\\d(?:[\\d.,/:\\-–]*\\d)?");
    private static final Pattern RANGE_DASH = Pattern.compile("\\s*[-–—]\\s*");
    private static final Pattern SCALE = Pattern.compile("\\s+(tỷ|tỉ|triệu|nghìn|ngàn)(?![\\p{L}\\p{M}])", WORDS);
    private static final Pattern SMALLER_PART = Pattern.compile(
            "\\s+(\\d+(?:[.,]\\d+)*)(?=\\s+(?:triệu|nghìn|ngàn)(?![\\p{L}\\p{M}]))", WORDS);
    private static final Pattern CURRENCY = Pattern.compile("\\s*(đồng|đ|vnđ|vnd)(?![\\p{L}\\p{M}\\p{N}])", WORDS);
    private static final Pattern PERCENT = Pattern.compile("\\s*%");
    /** "đồng" that starts another word: đồng chí (comrade), đồng tác giả (co-author), đồng thời (at once)… */
    private static final Set<String> NOT_CURRENCY_AFTER_DONG = Set.of(
            "chí", "chủ", "tác", "thời", "bào", "hành", "nghiệp", "ý", "đội", "bộ", "loại", "phục", "hồ", "lòng",
            "tâm", "minh", "đều", "hương", "khởi", "ca", "tình", "lứa", "sở", "ruộng", "bằng", "dạng", "nhất");
    private static final Pattern NEXT_WORD = Pattern.compile("\\s+([\\p{L}\\p{M}]+)");
    /** A document code after the number: "17-CT/TW", "39 CT/TU", "123 – QĐ/TU", "1076 /LĐLĐ". */
    private static final Pattern CODE_AFTER = Pattern.compile(
            "[-–/]\\p{L}|\\s*/\\s*\\p{L}|\\s*[-–]?\\s*\\p{Lu}[\\p{L}\\p{N}]*[/-]\\p{L}");
    private static final Pattern APPROXIMATE = Pattern.compile(
            "(?:^|[^\\p{L}\\p{M}])(gần như|xấp xỉ|ước tính|khoảng|hơn|trên|gần|ước|chừng|ngót)\\s+$", WORDS);
    /** Words before a number that make it an ordinal, a date part or a document number, not a quantity. */
    private static final Pattern NOT_A_QUANTITY_BEFORE = Pattern.compile(
            "(?:^|[^\\p{L}\\p{M}])(?:thứ|lần|khóa|khoá|kỳ|ngày|tháng|mùng|mồng|quý|tuần|điều|khoản|chương|mục|phần|"
                    + "phụ lục|ảnh|hình|trang|chỉ thị|nghị quyết|quyết định|kết luận|nghị định|thông tư|công văn|"
                    + "đề án|kế hoạch|chương trình|phong trào|cuộc vận động|hướng dẫn|thông báo|tờ trình|"
                    + "(?<!tổng )số)\\s+$", WORDS);
    private static final Pattern YEAR_BEFORE = Pattern.compile(
            "(?:^|[^\\p{L}\\p{M}])(?:năm|giai đoạn|nhiệm kỳ|niên khóa|niên khoá|niên độ|từ|đến|tới|trước|sau|cuối|"
                    + "đầu|mùa|khóa|khoá)\\s+$|\\(\\s*$", WORDS);
    /** Words before "d/m" that make it a date: "ngày 30/12", "sáng 14/1", "từ 1/7". */
    private static final Pattern DATE_BEFORE = Pattern.compile(
            "(?:^|[^\\p{L}\\p{M}])(?:ngày|hôm|sáng|chiều|tối|trưa|đêm|từ|đến|tới|mùng|mồng|nay|qua)\\s+$", WORDS);
    private static final int CONTEXT = 24;

    private VietnameseNumbers() {
    }

    /**
     * A quantity found in a text: its value (in đồng for money, scale words applied), the total of a share
     * ("164/195": 164 of 195), whether it is a percentage or an amount of money, and where it is written, from
     * an approximate word such as "hơn", "trên", "gần" or "khoảng" through its scale, currency or '%' sign.
     */
    public record NumberMatch(double value, Double total, boolean percent, boolean money, int start, int end) {
    }

    /**
     * The value of one written quantity such as "17.594", "1,9 tỷ đồng", "hơn 900 triệu đồng", "81%" or
     * "164/195" (its first part); empty for anything else, dates and codes included.
     */
    public static Optional<Double> parse(String token) {
        String text = token.strip();
        List<NumberMatch> found = find(text);
        if (found.size() != 1 || found.get(0).start() != 0 || found.get(0).end() != text.length()) {
            return Optional.empty();
        }
        return Optional.of(found.get(0).value());
    }

    /** Every quantity in {@code text}, in order, skipping dates, times, years, document codes and ordinals. */
    public static List<NumberMatch> find(String text) {
        if (!hasDigit(text)) {
            return List.of(); // most sentences: no run can start
        }
        List<NumberMatch> out = new ArrayList<>();
        Matcher run = RUN.matcher(text);
        int from = 0;
        while (from < text.length() && run.find(from)) {
            from = run.end();
            int start = run.start();
            if (start > 0 && attachedBefore(text, start)) {
                continue;
            }
            if (attachedAfter(text, run.end())) {
                from = skipToken(text, run.end());
                continue;
            }
            String token = run.group();
            if (token.indexOf(':') >= 0) {
                continue;
            }
            List<int[]> parts = rangeParts(token);
            if (parts == null) {
                continue;
            }
            if (parts.size() == 2) {
                // "2013-2015", "2018 – 2023": a period, not a quantity; "200.000-1.000.000đ": two quantities.
                int firstEnd = start + parts.get(0)[1];
                int secondStart = start + parts.get(1)[0];
                if (isPlainYear(token.substring(parts.get(0)[0], parts.get(0)[1]))
                        && isPlainYear(token.substring(parts.get(1)[0], parts.get(1)[1]))) {
                    continue;
                }
                addSingle(text, start, firstEnd, false, out);
                from = Math.max(from, addSingle(text, secondStart, run.end(), true, out));
            } else {
                int end = run.end();
                // A spaced range "2018 – 2023": the second year follows after the dash.
                Matcher dash = RANGE_DASH.matcher(text).region(end, text.length());
                if (isPlainYear(token) && dash.lookingAt()) {
                    Matcher next = RUN.matcher(text).region(dash.end(), text.length());
                    if (next.lookingAt() && isPlainYear(next.group())) {
                        from = next.end();
                        continue;
                    }
                }
                from = Math.max(from, addSingle(text, start, end, true, out));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Adds the quantity written at [start, end) with what follows it, unless it is a date, year or code; returns
     * where the quantity ends with its scale and currency words, or {@code end}.
     */
    private static int addSingle(String text, int start, int end, boolean withSuffix, List<NumberMatch> out) {
        String token = text.substring(start, end);
        String before = before(text, start);
        if (NOT_A_QUANTITY_BEFORE.matcher(before).find()) {
            return end;
        }
        Double total = null;
        BigDecimal value;
        int slash = token.indexOf('/');
        if (slash >= 0) {
            if (token.indexOf('/', slash + 1) >= 0) {
                return end; // a date: 14/5/2011
            }
            Optional<BigDecimal> part = decimal(token.substring(0, slash));
            Optional<BigDecimal> whole = decimal(token.substring(slash + 1));
            // A share is a part of its whole: "30/12" is a date, "164/195" a share.
            if (part.isEmpty() || whole.isEmpty() || part.get().compareTo(whole.get()) > 0
                    || isDayMonth(part.get().doubleValue(), whole.get().doubleValue(), before)) {
                return end;
            }
            value = part.get();
            total = whole.get().doubleValue();
        } else {
            if (isPlainYear(token) && (YEAR_BEFORE.matcher(before).find() || text.startsWith(")", end))) {
                return end;
            }
            if (token.length() >= 4 && token.charAt(0) == '0' && Character.isDigit(token.charAt(1))
                    && Character.isDigit(token.charAt(2))) {
                return end; // a phone number or code with leading zeros: 0214.3820…
            }
            Optional<BigDecimal> parsed = decimal(token);
            if (parsed.isEmpty()) {
                return end;
            }
            value = parsed.get();
        }
        boolean percent = false;
        boolean money = false;
        if (withSuffix && total == null) {
            Matcher pct = PERCENT.matcher(text).region(end, text.length());
            if (pct.lookingAt()) {
                percent = true;
                end = pct.end();
            } else {
                BigDecimal lastScale = null;
                Matcher scale = SCALE.matcher(text).region(end, text.length());
                while (scale.lookingAt()) {
                    lastScale = scaleOf(scale.group(1));
                    value = value.multiply(lastScale);
                    end = scale.end();
                    scale.region(end, text.length());
                }
                if (lastScale != null) {
                    // "1 tỷ 200 triệu": a smaller part under a smaller scale word.
                    Matcher smaller = SMALLER_PART.matcher(text).region(end, text.length());
                    if (smaller.lookingAt()) {
                        Matcher smallerScale = SCALE.matcher(text).region(smaller.end(), text.length());
                        Optional<BigDecimal> part = decimal(smaller.group(1));
                        if (part.isPresent() && smallerScale.lookingAt()
                                && scaleOf(smallerScale.group(1)).compareTo(lastScale) < 0) {
                            value = value.add(part.get().multiply(scaleOf(smallerScale.group(1))));
                            end = smallerScale.end();
                        }
                    }
                }
                Matcher currency = CURRENCY.matcher(text).region(end, text.length());
                if (currency.lookingAt() && isCurrency(text, currency, value.doubleValue(), lastScale != null)) {
                    money = true;
                    end = currency.end();
                }
            }
        }
        if (!Double.isFinite(value.doubleValue()) || total != null && !Double.isFinite(total)) {
            return end; // hundreds of digits: no quantity an article reports, and no value a reader could use
        }
        Matcher approximate = APPROXIMATE.matcher(before);
        if (approximate.find()) {
            start -= before.length() - approximate.start(1);
        }
        out.add(new NumberMatch(value.doubleValue(), total, percent, money, start, end));
        return end;
    }

    /**
     * "đ", "đồng", "VNĐ" after a plausible sum (1.000 đồng and up, or any sum with a scale word), but not "đồng"
     * starting "đồng chí", "đồng tác giả" and the like, nor "đ/c" (comrade).
     */
    private static boolean isCurrency(String text, Matcher currency, double value, boolean scaled) {
        String unit = currency.group(1).toLowerCase(Locale.ROOT);
        if (unit.equals("đ") && text.regionMatches(true, currency.end(), "/c", 0, 2)) {
            return false;
        }
        Matcher next = NEXT_WORD.matcher(text).region(currency.end(), text.length());
        if (unit.equals("đồng") && next.lookingAt()
                && NOT_CURRENCY_AFTER_DONG.contains(next.group(1).toLowerCase(Locale.ROOT))) {
            return false;
        }
        return scaled || value >= 1000;
    }

    /** "1/7" after "ngày", "sáng", "từ"…: a date, not a share. */
    private static boolean isDayMonth(double day, double month, String before) {
        boolean plausible = day >= 1 && day <= 31 && month >= 1 && month <= 12 && day == Math.floor(day)
                && month == Math.floor(month);
        return plausible && DATE_BEFORE.matcher(before).find();
    }

    /**
     * Where the run splits at a dash into a range: one part [0, length) without a dash, two parts for "A-B",
     * null for anything with more dashes ("14-5-2011").
     */
    private static List<int[]> rangeParts(String token) {
        int dash = -1;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '-' || c == '–') {
                if (dash >= 0) {
                    return null;
                }
                dash = i;
            }
        }
        if (dash < 0) {
            return List.of(new int[] {0, token.length()});
        }
        if (token.indexOf('/') >= 0) {
            return null;
        }
        return List.of(new int[] {0, dash}, new int[] {dash + 1, token.length()});
    }

    /**
     * The value of digits with Vietnamese separators: '.' groups thousands ("17.594"), ',' marks the decimals
     * ("1,9", "82,758", "6.383,9"). With both, the later one is the decimal mark ("1,234.5" in English style);
     * several ',' groups of three are English thousands ("15,102,192"); a single '.' before anything but three
     * digits is a decimal point ("4.0"). Anything else ("14.5.2011", "1,2,3") is not a number.
     */
    private static Optional<BigDecimal> decimal(String digits) {
        if (digits.isEmpty() || !Character.isDigit(digits.charAt(0))
                || !Character.isDigit(digits.charAt(digits.length() - 1))) {
            return Optional.empty();
        }
        int dots = count(digits, '.');
        int commas = count(digits, ',');
        String plain;
        if (dots > 0 && commas > 0) {
            char decimal = digits.lastIndexOf('.') > digits.lastIndexOf(',') ? '.' : ',';
            char group = decimal == '.' ? ',' : '.';
            if (count(digits, decimal) != 1) {
                return Optional.empty();
            }
            int point = digits.lastIndexOf(decimal);
            String integer = digits.substring(0, point);
            if (!isGrouped(integer, group)) {
                return Optional.empty();
            }
            plain = integer.replace(String.valueOf(group), "") + "." + digits.substring(point + 1);
        } else if (dots > 0 || commas > 0) {
            char separator = dots > 0 ? '.' : ',';
            int separators = Math.max(dots, commas);
            if (separators > 1 || separator == '.') {
                if (isGrouped(digits, separator)) {
                    plain = digits.replace(String.valueOf(separator), "");
                } else if (separators == 1) {
                    plain = digits.replace(separator, '.');
                } else {
                    return Optional.empty();
                }
            } else {
                plain = digits.replace(',', '.');
            }
        } else {
            plain = digits;
        }
        try {
            return Optional.of(new BigDecimal(plain));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** "17.594", "1.000.000": a first group of one to three digits, then groups of exactly three. */
    private static boolean isGrouped(String digits, char separator) {
        String[] groups = digits.split(Pattern.quote(String.valueOf(separator)), -1);
        if (groups[0].isEmpty() || groups[0].length() > 3) {
            return groups.length == 1;
        }
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlainYear(String token) {
        if (token.length() != 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (!Character.isDigit(token.charAt(i))) {
                return false;
            }
        }
        int year = Integer.parseInt(token);
        return year >= 1900 && year <= 2100;
    }

    private static BigDecimal scaleOf(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "tỷ", "tỉ" -> BigDecimal.TEN.pow(9);
            case "triệu" -> BigDecimal.TEN.pow(6);
            default -> BigDecimal.TEN.pow(3);
        };
    }

    /** Glued to a word or code before it: "cập48", "Km2", "Covid-19", "QĐ/123". */
    private static boolean attachedBefore(String text, int start) {
        char c = text.charAt(start - 1);
        if (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
            return true;
        }
        return (c == '-' || c == '/' || c == '.' || c == ',') && start >= 2
                && Character.isLetterOrDigit(text.charAt(start - 2));
    }

    /**
     * Part of a word or a document code: "8h30", "3G", "17-CT/TW", "5440/QĐ-TLĐ", "39 CT/TU", "123 – QĐ/TU". A
     * glued "đ" is currency ("200.000đ").
     */
    private static boolean attachedAfter(String text, int end) {
        if (end >= text.length()) {
            return false;
        }
        char c = text.charAt(end);
        if (Character.isLetter(c)) {
            boolean currency = (c == 'đ' || c == 'Đ')
                    && (end + 1 >= text.length() || !Character.isLetter(text.charAt(end + 1)));
            return !currency;
        }
        return CODE_AFTER.matcher(text).region(end, text.length()).lookingAt();
    }

    /** The end of the letters, digits and code separators glued after a code's number. */
    private static int skipToken(String text, int end) {
        int i = end;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String before(String text, int start) {
        return text.substring(Math.max(0, start - CONTEXT), start);
    }

    /** Whether {@code text} holds a '0'-'9', what {@code \\d} and so {@code RUN} start with. */
    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
