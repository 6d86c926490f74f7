package vn.unionnews.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.unionnews.event.SourceOrg;
import vn.unionnews.text.VietnameseText;

/**
 * Page understanding: a scraped page (plain text or HTML) becomes a clean article. The body is the run of
 * prose paragraphs, from the first long paragraph with sentence punctuation to the last one before a section
 * marker that ends articles ("Các tin khác", "Tin cùng chuyên mục", …); short lines inside it (captions,
 * bylines) stay out. Metadata is read from the lines before the body and the short lines after it.
 * Thread-safe; build one and reuse it.
 */
public final class PageParser {
    /** Paragraphs of prose are at least this long; captions and bylines are shorter. */
    private static final int MIN_PARAGRAPH_SYLLABLES = 30;
    private static final int MAX_TITLE_SYLLABLES = 60;
    private static final int MAX_BYLINE_SYLLABLES = 15;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]");
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{2,4}|^Thứ (?:\\d|hai|ba|tư|năm|sáu|bảy)|Chủ nhật",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COUNTER = Pattern.compile("^(?:[•·\\-*]\\s*)?(?:lượt xem|lượt truy cập|đang online|hôm nay)?[\\s:]*[\\d.,\\s]*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BYLINE_LABEL = Pattern.compile("^(?:Bài(?: và ảnh)?|Tin(?: và ảnh)?|Tác giả)\\s*:\\s*",
            Pattern.CASE_INSENSITIVE);

    private final List<String> endMarkers;
    private final SourceFinder sources = new SourceFinder();

    public PageParser() {
        endMarkers = LanguageData.lines(PageParser.class, "section-end-markers.txt").stream()
                .map(marker -> marker.toLowerCase(Locale.ROOT))
                .toList();
    }

    public ParsedPage parse(RawPage page) {
        String content = page.html() != null ? page.html() : page.text();
        if (content == null || content.isBlank()) {
            throw new PageException("empty", "The page has no text");
        }
        if (looksBinary(content)) {
            throw new PageException("binary", "The page is not text (control characters or invalid UTF-8)");
        }
        Optional<String> markupTitle = Optional.empty();
        Optional<String> markupDate = Optional.empty();
        if (page.html() != null) {
            HtmlPages.HtmlContent html = HtmlPages.read(page.html());
            content = html.lines();
            markupTitle = html.title();
            markupDate = html.publishedAt();
        }
        return parseLines(page, nonBlankLines(VietnameseText.normalize(content)), markupTitle, markupDate);
    }

    private ParsedPage parseLines(RawPage page, List<String> lines, Optional<String> markupTitle,
                                  Optional<String> markupDate) {
        int start = firstParagraph(lines, 0);
        if (start < 0) {
            throw new PageException("no_article", "No paragraph of prose found: not a news article");
        }
        int stop = endMarker(lines, start);
        List<String> paragraphs = new ArrayList<>();
        int last = start;
        for (int i = start; i < stop; i++) {
            if (isParagraph(lines.get(i))) {
                paragraphs.add(lines.get(i));
                last = i;
            }
        }
        List<String> header = lines.subList(0, start);
        String title = Optional.ofNullable(page.title()).map(VietnameseText::normalize)
                .or(() -> markupTitle.map(VietnameseText::normalize))
                .orElseGet(() -> title(header));
        String body = String.join("\n", paragraphs);
        Integer fetchYear = page.fetchedAt() == null ? null
                : page.fetchedAt().atOffset(PublishedDates.VIETNAM).getYear();
        String published = markupDate
                .or(() -> PublishedDates.fullDate(header))
                .or(() -> PublishedDates.yearlessDate(paragraphs.get(0), body, fetchYear))
                .orElse(null);
        SourceOrg source = sources.find(page.source(), header, paragraphs).orElse(SourceOrg.UNKNOWN);
        return new ParsedPage(title, published, source, byline(lines.subList(last + 1, stop)),
                category(header), paragraphs);
    }

    private static boolean looksBinary(String content) {
        long odd = content.chars()
                .filter(c -> c == '\uFFFD' || (c < 0x20 && c != '\n' && c != '\r' && c != '\t'))
                .limit(content.length() / 100 + 1)
                .count();
        return odd > content.length() / 100;
    }

    private static List<String> nonBlankLines(String text) {
        return text.lines().filter(line -> !line.isBlank()).toList();
    }

    private static int firstParagraph(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (isParagraph(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isParagraph(String line) {
        return VietnameseText.syllableCount(line) >= MIN_PARAGRAPH_SYLLABLES && SENTENCE_END.matcher(line).find();
    }

    /** The first line after {@code start} that ends the article, or the end of the page. */
    private int endMarker(List<String> lines, int start) {
        for (int i = start + 1; i < lines.size(); i++) {
            if (isEndMarker(lines.get(i))) {
                return i;
            }
        }
        return lines.size();
    }

    private boolean isEndMarker(String line) {
        String lower = line.toLowerCase(Locale.ROOT).strip();
        for (String marker : endMarkers) {
            boolean matches = marker.endsWith("*")
                    ? lower.startsWith(marker.substring(0, marker.length() - 1))
                    : lower.equals(marker) || lower.equals(marker + ":");
            if (matches) {
                return true;
            }
        }
        return false;
    }

    /** The nearest line above the body that can be a title: not a date, counter, breadcrumb or fragment. */
    private static String title(List<String> header) {
        for (int i = header.size() - 1; i >= 0; i--) {
            String line = header.get(i);
            int syllables = VietnameseText.syllableCount(line);
            if (syllables >= 4 && syllables <= MAX_TITLE_SYLLABLES && !line.contains("»")
                    && !DATE_LIKE.matcher(line).find() && !COUNTER.matcher(line).matches()
                    && !line.endsWith("?")) {
                return line;
            }
        }
        return null;
    }

    /** A breadcrumb line ("Tin tức sự kiện » LĐLĐ huyện, thành phố") above the body. */
    private static String category(List<String> header) {
        for (int i = header.size() - 1; i >= 0; i--) {
            if (header.get(i).contains("»")) {
                return header.get(i);
            }
        }
        return null;
    }

    /** The author line right after the body: "Bài: …; Ảnh: …", "Name (Org)", "Name - position". */
    private static String byline(List<String> trailer) {
        for (String line : trailer.subList(0, Math.min(3, trailer.size()))) {
            int syllables = VietnameseText.syllableCount(line);
            if (syllables >= 2 && syllables <= MAX_BYLINE_SYLLABLES && !line.endsWith(".")
                    && (BYLINE_LABEL.matcher(line).find() || Character.isUpperCase(line.codePointAt(0)))) {
                return line;
            }
        }
        return null;
    }
}
