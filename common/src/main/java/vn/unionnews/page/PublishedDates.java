package vn.unionnews.page;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
            "(?<!\\d)(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d{2})(?!\\d)(?:\\s*[-,]?\\s*(\\d{1,2})[:h](\\d{2}))?");
    private static final Pattern WORDS = Pattern.compile(
            "ngày (\\d{1,2}) tháng (\\d{1,2}) năm ((?:19|20)\\d{2})", Pattern.CASE_INSENSITIVE);
    private static final Pattern NO_YEAR = Pattern.compile(
            "(?:sáng|chiều|tối|trưa|ngày|hôm|đêm) (\\d{1,2})/(\\d{1,2})(?![/\\d])", Pattern.CASE_INSENSITIVE);
    /** A year the text reports on ("năm 2021"), as opposed to the bounds of a term ("2018 – 2023"). */
    private static final Pattern YEAR = Pattern.compile("năm ((?:19|20)\\d{2})(?![\\d/])", Pattern.CASE_INSENSITIVE);

    private PublishedDates() {
    }

    /** The first full date in {@code lines} (a page's header, before the article). */
    static Optional<String> fullDate(List<String> lines) {
        for (String line : lines) {
            Matcher m = FULL.matcher(line);
            if (m.find()) {
                Optional<String> date = iso(m.group(3), m.group(2), m.group(1), m.group(4), m.group(5));
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
     * A day and month without a year in the article's opening ("diễn ra sáng 14/1"); the year is the latest
     * year the article reports on ("năm 2021"), plus one when the event falls in January or February of a review of that
     * year, capped by the fetch year when known.
     */
    static Optional<String> yearlessDate(String opening, String body, Integer fetchYear) {
        Matcher m = NO_YEAR.matcher(opening);
        if (!m.find()) {
            return Optional.empty();
        }
        int month = Integer.parseInt(m.group(2));
        Matcher y = YEAR.matcher(body);
        int latest = -1;
        while (y.find()) {
            latest = Math.max(latest, Integer.parseInt(y.group(1)));
        }
        Integer year = latest < 0 ? fetchYear : (month <= 2 ? latest + 1 : latest);
        if (year == null) {
            return Optional.empty();
        }
        if (fetchYear != null && year > fetchYear) {
            year = fetchYear;
        }
        return iso(String.valueOf(year), m.group(2), m.group(1), null, null);
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
