package vn.unionnews.page;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates in the forms Vietnamese sites print them: "Thứ sáu - 15/09/2017 05:22", "Thứ 3, ngày
 * 21/01/2020", "ngày 14 tháng 1 năm 2022", and "sáng 14/1" without a year, inferred from the text.
 * Results are ISO-8601: a date-time at Vietnam's offset (+07:00) when a time is given, else a date.
 */
final class PublishedDates {
    static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private static final Pattern FULL = Pattern.compile(
            "(?<![\\d/])(\\d{1,2})([/.-])(\\d{1,2})\\2((?:19|20)\\d{2})(?!\\d)(?:\\s*[-,|]?\\s*(\\d{1,2})[:h](\\d{2}))?");
    /** A time printed before the date: "08:15 ngày 14/01/2022", "15:30 | 21/01/2020". */
    private static final Pattern TIME_BEFORE = Pattern.compile(
            "(?<!\\d)(\\d{1,2})[:h](\\d{2})(?::\\d{2})?\\s*(?:\\(GMT\\+7\\)\\s*)?[-,|]?\\s*(?:(?:thứ \\S+|chủ nhật)\\s*,?\\s*)?(?:ngày\\s*)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORDS = Pattern.compile(
            "ngày (\\d{1,2}) tháng (\\d{1,2}) năm ((?:19|20)\\d{2})", Pattern.CASE_INSENSITIVE);
    private static final Pattern NO_YEAR = Pattern.compile(
            "(?:sáng|chiều|tối|trưa|ngày|hôm|đêm) (\\d{1,2})/(\\d{1,2})(?![/\\d])", Pattern.CASE_INSENSITIVE);
    /** A year the text reports on ("năm 2021"), as opposed to the bounds of a term ("2018 – 2023"). */
    private static final Pattern YEAR = Pattern.compile("năm ((?:19|20)\\d{2})(?![\\d/])", Pattern.CASE_INSENSITIVE);
    /** Words before a year that the article plans for rather than reviews: "triển khai nhiệm vụ năm 2022". */
    private static final Pattern PLAN = Pattern.compile(
            "(?:nhiệm vụ|kế hoạch|phương hướng|mục tiêu|chỉ tiêu|dự toán|triển khai)[^.;]*$", Pattern.CASE_INSENSITIVE);
    /** … or after it: "Năm 2022, LĐLĐ tỉnh phấn đấu kết nạp 6.000 đoàn viên". */
    private static final Pattern PLAN_AFTER = Pattern.compile(
            "^[^.;]*(?:phấn đấu|dự kiến|đặt mục tiêu|đề ra|sẽ)", Pattern.CASE_INSENSITIVE);
    private static final int PLAN_WINDOW = 40;

    private PublishedDates() {
    }

    /**
     * A date the markup gives ({@code article:published_time}, {@code <time datetime>}): ISO-8601 as it is, at
     * Vietnam's offset when it names another one; or a date in one of the Vietnamese forms.
     */
    static Optional<String> fromMarkup(String value) {
        String text = value.strip();
        try {
            return Optional.of(OffsetDateTime.parse(text).withOffsetSameInstant(VIETNAM)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeException e) {
            // not a date-time with an offset
        }
        try {
            return Optional.of(LocalDateTime.parse(text).atOffset(VIETNAM).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeException e) {
            // not a local date-time either
        }
        try {
            return Optional.of(LocalDate.parse(text).toString());
        } catch (DateTimeException e) {
            return fullDate(List.of(text));
        }
    }

    /** The first full date in {@code lines} (a page's header, before the article). */
    static Optional<String> fullDate(List<String> lines) {
        for (String line : lines) {
            Matcher m = FULL.matcher(line);
            if (m.find()) {
                String hour = m.group(5);
                String minute = m.group(6);
                Matcher before = TIME_BEFORE.matcher(line.substring(0, m.start()));
                if (hour == null && before.find()) {
                    hour = before.group(1);
                    minute = before.group(2);
                }
                Optional<String> date = iso(m.group(4), m.group(3), m.group(1), hour, minute);
                if (date.isPresent()) {
                    return date;
                }
            }
            Matcher w = WORDS.matcher(line);
            if (w.find()) {
                return iso(w.group(3), w.group(2), w.group(1), null, null);
            }
        }
        return Optional.empty();
    }

    /**
     * A day and month without a year in the article's opening ("diễn ra sáng 14/1"). The year comes from the years
     * the article talks about: a year it plans for ("nhiệm vụ năm 2022", "năm 2022 phấn đấu …") is the year of the
     * event; a year it reviews ("tổng kết năm 2021") is too, unless the event is in January or February, when
     * reviews of the year before are held. The latest such year wins, capped by the fetch year; without any, the fetch year.
     * A report is published before it is fetched: a day later in the fetch year than the fetch day is last year's.
     */
    static Optional<String> yearlessDate(String opening, String body, LocalDate fetchDay) {
        Integer fetchYear = fetchDay == null ? null : fetchDay.getYear();
        Matcher m = NO_YEAR.matcher(opening);
        if (!m.find()) {
            return Optional.empty();
        }
        int month = Integer.parseInt(m.group(2));
        Matcher y = YEAR.matcher(body);
        int latest = -1;
        while (y.find()) {
            int year = Integer.parseInt(y.group(1));
            boolean plan = PLAN.matcher(body.substring(Math.max(0, y.start() - PLAN_WINDOW), y.start())).find()
                    || PLAN_AFTER.matcher(body.substring(y.end(), Math.min(body.length(), y.end() + PLAN_WINDOW))).find();
            latest = Math.max(latest, plan || month > 2 ? year : year + 1);
        }
        Integer year = latest < 0 ? fetchYear : Integer.valueOf(latest);
        if (year == null) {
            return Optional.empty();
        }
        if (fetchYear != null && year >= fetchYear) {
            boolean afterFetch = after(fetchYear, month, Integer.parseInt(m.group(1)), fetchDay.plusDays(1));
            year = afterFetch ? fetchYear - 1 : fetchYear;
        }
        return iso(String.valueOf(year), m.group(2), m.group(1), null, null);
    }

    /** Whether the day is a real one after {@code limit}. */
    private static boolean after(int year, int month, int day, LocalDate limit) {
        try {
            return LocalDate.of(year, month, day).isAfter(limit);
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static Optional<String> iso(String year, String month, String day, String hour, String minute) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            if (hour == null) {
                return Optional.of(date.toString());
            }
            LocalDateTime time = date.atTime(Integer.parseInt(hour), Integer.parseInt(minute));
            return Optional.of(time.atOffset(VIETNAM).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
