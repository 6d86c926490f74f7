package vn.unionnews.page;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.unionnews.event.Digests;
import vn.unionnews.event.SourceOrg;
import vn.unionnews.text.LanguageCheck;
import vn.unionnews.text.LanguageData;
import vn.unionnews.text.Syllables;
import vn.unionnews.text.VietnameseText;
import vn.unionnews.text.WordTokenizer;

/**
 * Page understanding: a scraped page (plain text or HTML, see {@link HtmlPages}) becomes a clean article. The page
 * is read as lines; the body is anchored on its paragraphs of prose (long, with sentence punctuation and a fair
 * share of Vietnamese function words) up to whatever ends an article: a section marker ("Các tin khác", "Tin cùng
 * chuyên mục", …), a teaser list (a title, the title again, a lead) or a list of dated titles. It takes in the short
 * lines of text around them, and every line inside is text, caption or heading by its own evidence (photo credits,
 * doubled lines, punctuation, the {@link CaptionModel}); lines of the site's template (see {@link SiteTemplates})
 * and, in HTML, lines outside the article's container are never article text. Metadata is read from the lines
 * before the body (title, date, breadcrumb, site header) and the short lines after it (byline).
 *
 * <p>Thread-safe; build one per process and reuse it, so that it learns the templates of the sites it sees.
 */
public final class PageParser {
    /** Paragraphs of prose are at least this long; captions, titles and bylines are shorter. */
    private static final int MIN_PARAGRAPH_SYLLABLES = 30;
    /** A line of article text shorter than a paragraph of prose is a sentence of at least this many syllables. */
    private static final int MIN_TEXT_SYLLABLES = 6;
    /** Below this length a line's share of function words says little. */
    private static final int MIN_SHARE_SYLLABLES = 12;
    /** How many captions may stand between the last paragraph of prose and a short closing one. */
    private static final int MAX_CAPTIONS_BETWEEN = 2;
    private static final int MIN_SENTENCE_RUN = 3;
    /** The caption model's longest length class starts here; a paragraph of sentences beyond it is text. */
    private static final int MAX_CAPTION_SYLLABLES = 60;
    private static final int MAX_CONTEXT_LINES = 150;
    private static final double MARKED_PARAGRAPH_THRESHOLD = 0.5;
    /**
     * Prose has function words ("của", "và", "được", "các"); a run of names or menu entries has almost none. In
     * VietNews paragraphs, 99 % have a share above 0.11 and the densest officialese 0.04; menus and lists of names
     * have less.
     */
    private static final double MIN_FUNCTION_WORD_SHARE = 0.05;
    private static final int FUNCTION_WORD_SAMPLE = 240;
    private static final int MIN_TITLE_SYLLABLES = 5;
    private static final int MAX_TITLE_SYLLABLES = 60;
    /** A nearer title-shaped line the opening shares less than this with is unrelated to the article. */
    private static final double TITLE_UNRELATED_SHARE = 0.2;
    private static final int MAX_LINK_ITEM_SYLLABLES = 4;
    private static final Pattern BULLET = Pattern.compile("[•·\\-*+–►▪■◦>]");
    private static final Pattern NOT_TITLE_END = Pattern.compile("[.:;,][\"'”’»)\\]]*$");
    private static final Pattern LINK_SEPARATOR = Pattern.compile("\\s+[|·•/]\\s+");
    private static final Pattern DATE_WORDS = Pattern.compile(
            "(?iU)\\b(?:thứ|hai|ba|tư|năm|sáu|bảy|chủ nhật|ngày|tháng|cập nhật|đăng|lúc|gmt|sáng|chiều|tối)\\b|\\d{1,2}:\\d{2}|[+\\d]+");
    /** How far above the body a title is looked for, in lines, and how much of it the opening must repeat. */
    private static final int TITLE_SEARCH_LINES = 12;
    private static final double TITLE_MIN_SHARED = 0.5;
    private static final int MAX_TEASER_TITLE_SYLLABLES = 45;
    /** No section marker is longer; a line this long is text. */
    private static final int MAX_MARKER_CHARS = 80;
    private static final Pattern MARKER_COUNT = Pattern.compile("\\s*(?:[(\\[]\\s*\\d+\\s*[)\\]])?\\s*:?$");
    /** A teaser list's next title follows its predecessor's lead within this many lines. */
    private static final int MAX_TEASER_GAP = 3;
    /** A box of links inside an article lists at most this many titles. */
    private static final int MAX_BOX_TITLES = 5;
    private static final int MAX_BYLINE_SYLLABLES = 15;
    private static final int MAX_HEADING_SYLLABLES = 20;
    /**
     * Sentence punctuation, and what ends a sentence or a clause: the punctuation, then closing quotes and brackets
     * ("./." ends in '.'). Lines are read by {@link #endsWith} and {@link #hasSentenceEnd}, which scan what these
     * patterns find without a matcher per line.
     */
    private static final String SENTENCE_MARKS = ".!?…";
    private static final String CLAUSE_MARKS = ".!?…:;";
    private static final String CLOSERS = "\"'”’»)]";
    private static final Pattern ENDS_SENTENCE = Pattern.compile("(?:[.!?…]|\\./\\.)[\"'”’»)\\]]*$");
    private static final Pattern ENDS_CLAUSE = Pattern.compile("(?:[.!?…:;]|\\./\\.)[\"'”’»)\\]]*$");
    private static final Pattern DATE_LIKE = Pattern.compile(
            "\\d{1,2}/\\d{1,2}/\\d{2,4}|^Thứ (?:\\d|hai|ba|tư|năm|sáu|bảy)|Chủ nhật|ngày \\d{1,2} tháng \\d{1,2}",
            Pattern.CASE_INSENSITIVE);
    /** A title in a list of other articles: it carries its own date, "(15/09/2017)" or "- 15/09/2017". */
    private static final Pattern DATED_TITLE = Pattern.compile(
            "[(\\[-–]\\s*\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?(?:\\s+\\d{1,2}:\\d{2})?\\s*[)\\]]?$");
    private static final Pattern COUNTER = Pattern.compile(
            "^(?:[•·\\-*]\\s*)?(?:lượt xem|lượt truy cập|đang online|hôm nay)?[\\s:]*[\\d.,\\s]*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BYLINE_LABEL = Pattern.compile(
            "^(?:Bài(?: và ảnh)?|Tin(?: và ảnh)?|Tác giả|Nhóm PV)\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    /**
     * A photo's alt text or credit ending a line: "… ảnh 3", "(Ảnh: Minh Hà)", "… - Ảnh: TRUNG TÂN", "(Ảnh minh
     * họa)"; scraped text glues captions into paragraphs, so a credit inside a line says nothing of the line.
     */
    private static final Pattern PHOTO = Pattern.compile("(?iU)\\bảnh \\d+$|^\\(?ảnh minh h[oọ]a\\)?\\.?$"
            + "|(?:^|[.,(\\-–|]\\s*)(?:ảnh|nguồn ảnh|photo)(?: minh họa| minh hoạ)?\\s*:[^.:]{0,40}\\)?\\.?$"
            + "|\\(ảnh\\b[^)]*\\)\\.?$");
    /** A short line that starts with a photo or video credit: "Ảnh: Minh Hà", "Ảnh minh họa: …", "Video: RT". */
    private static final Pattern PHOTO_FIRST = Pattern.compile(
            "(?iU)^\\(?(?:ảnh|nguồn ảnh|photo|video|clip)(?: minh h[oọ]a)?\\s*:");
    /** The bullets a list item starts with, its pattern's first character. */
    private static final String BULLETS = "-–+•*";
    private static final Pattern LIST_ITEM = Pattern.compile("^[-–+•*]\\s*\\S.*[.;,:]$");
    private static final Pattern HEADING_NUMBER = Pattern.compile("^(?:[IVX]+|\\d{1,2}|[a-zđ])[.)]\\s", Pattern.CASE_INSENSITIVE);

    /** Section markers matched whole, and those matched by their beginning ("Tổng số điểm của bài viết là*"). */
    private final Set<String> endMarkers = new HashSet<>();
    private final List<String> endMarkerPrefixes = new ArrayList<>();
    private final SourceFinder sources = new SourceFinder();
    private final SiteTemplates templates;
    private final WordTokenizer words = WordTokenizer.vietnamese();
    private final CaptionModel captionModel = CaptionModel.standard();

    /** A parser with its own, empty memory of site templates. */
    public PageParser() {
        this(new SiteTemplates());
    }

    public PageParser(SiteTemplates templates) {
        this.templates = templates;
        for (String marker : LanguageData.lines(PageParser.class, "section-end-markers.txt")) {
            String lower = marker.toLowerCase(Locale.ROOT);
            if (lower.endsWith("*")) {
                endMarkerPrefixes.add(lower.substring(0, lower.length() - 1));
            } else {
                endMarkers.add(lower);
            }
        }
    }

    /** Parses one page; throws {@link PageException} with a stable code for a page that is not an article. */
    public ParsedPage parse(RawPage page) {
        String content = page.html() != null ? page.html() : page.text();
        if (content == null || content.isBlank()) {
            throw new PageException("empty", "The page has no text");
        }
        if (looksBinary(content)) {
            throw new PageException("binary", "The page is not text (control characters or invalid UTF-8)");
        }
        List<String> lines;
        Markup markup;
        if (page.html() != null) {
            HtmlPages.HtmlContent html = HtmlPages.read(page.html());
            lines = html.lines().stream().map(HtmlPages.Line::text).toList();
            markup = Markup.of(html);
        } else {
            lines = nonBlankLines(content);
            markup = Markup.none(lines.size());
        }
        if (lines.isEmpty()) {
            throw new PageException("empty", "The page has no text");
        }
        String hint = page.source() != null ? page.source() : markup.siteName().orElse(null);
        String site = SiteTemplates.siteOf(page.url(), hint, lines.get(0));
        List<String> keys = lines.stream().map(SiteTemplates::lineKey).toList();
        try {
            return parseLines(page, lines, keys, templates.templateOf(site), markup, hint);
        } finally {
            templates.learn(site, pageKey(page, lines), keys);
        }
    }

    /**
     * What the markup of an HTML page says outright, and for each line whether it lies outside the article's
     * container, whether it is the sapo and whether it is a whole {@code <p>} of the container; nothing for a text
     * page. A container the site names as its article's text ({@code itemprop=articleBody}, "detail-content") is the
     * article's whole extent: a section marker inside it labels a box within the article.
     */
    private record Markup(Optional<String> title, Optional<String> publishedAt, Optional<String> siteName,
                          List<String> captions, boolean containerNamed, boolean[] outsideArticle, boolean[] sapo,
                          boolean[] paragraph) {
        static Markup none(int lines) {
            return new Markup(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), false,
                    new boolean[lines], new boolean[lines], new boolean[lines]);
        }

        static Markup of(HtmlPages.HtmlContent html) {
            int n = html.lines().size();
            boolean[] outside = new boolean[n];
            boolean[] sapo = new boolean[n];
            boolean[] paragraph = new boolean[n];
            for (int i = 0; i < n; i++) {
                HtmlPages.Line line = html.lines().get(i);
                outside[i] = html.containerFound() && !line.inArticle();
                sapo[i] = line.sapo();
                paragraph[i] = line.paragraph();
            }
            return new Markup(html.title(), html.publishedAt(), html.siteName(), html.captions(),
                    html.containerNamed(), outside, sapo, paragraph);
        }
    }

    /** Where the article is among the page's lines. */
    private record Layout(int start, int stop, int last, List<String> paragraphs, List<String> captions) {
    }

    /**
     * Which lines are paragraphs of prose, and which are paragraphs by the page's layout: a whole {@code <p>} of the
     * article's container, or a line of a run of sentences on a page without long paragraphs.
     */
    private record Prose(boolean[] prose, boolean[] paragraph) {
    }

    private ParsedPage parseLines(RawPage page, List<String> lines, List<String> keys, Set<String> templateLines,
                                  Markup markup, String sourceHint) {
        boolean[] template = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            template[i] = templateLines.contains(keys.get(i));
        }
        String knownTitle = Optional.ofNullable(page.title()).or(markup::title).map(VietnameseText::normalize)
                .orElse(null);
        boolean[] outside = markup.outsideArticle();
        boolean[] excluded = new boolean[lines.size()];
        boolean[] inContainer = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            excluded[i] = template[i] || outside[i];
            inContainer[i] = markup.containerNamed() && !outside[i];
        }
        Prose prose = proseLines(lines, keys, outside, markup.paragraph());
        Layout found = layout(lines, keys, excluded, inContainer, prose, knownTitle, markup.sapo());
        boolean[] nowhere = new boolean[lines.size()];
        if (found == null) {
            // The markup's container or the site's template swallowed every paragraph: read the page as if nothing
            // were known of its markup, then of its site.
            prose = proseLines(lines, keys, nowhere, markup.paragraph());
            found = layout(lines, keys, template, nowhere, prose, knownTitle, markup.sapo());
        }
        if (found == null && !templateLines.isEmpty()) {
            template = nowhere;
            found = layout(lines, keys, template, nowhere, prose, knownTitle, markup.sapo());
        }
        if (found == null) {
            if (!LanguageCheck.isVietnamese(String.join("\n", lines))) {
                throw notVietnamese();
            }
            throw new PageException("no_article", "No paragraph of prose found: not a news article");
        }
        Layout layout = found;
        String body = String.join("\n", layout.paragraphs());
        if (!LanguageCheck.isVietnamese(body)) {
            throw notVietnamese();
        }
        List<String> allHeader = lines.subList(0, layout.start());
        String title = knownTitle != null ? knownTitle
                : title(header(lines, template, layout.start()), layout.paragraphs());
        LocalDate fetchDay = page.fetchedAt() == null ? null
                : page.fetchedAt().atOffset(PublishedDates.VIETNAM).toLocalDate();
        String published = markup.publishedAt().flatMap(PublishedDates::fromMarkup)
                .or(() -> PublishedDates.fullDate(allHeader))
                .or(() -> PublishedDates.yearlessDate(layout.paragraphs().get(0), body, fetchDay))
                .orElse(null);
        SourceOrg source = sources.find(sourceHint, SiteTemplates.hostOf(page.url()), allHeader, layout.paragraphs())
                .orElse(SourceOrg.UNKNOWN);
        List<String> captions = new ArrayList<>(markup.captions().stream().map(VietnameseText::normalize).toList());
        captions.addAll(layout.captions());
        List<String> trailer = new ArrayList<>();
        for (int i = layout.last() + 1; i < layout.stop(); i++) {
            if (!template[i]) {
                trailer.add(lines.get(i));
            }
        }
        return new ParsedPage(title, Titles.displayForm(title, body), published, source, byline(trailer),
                category(allHeader), layout.paragraphs(), captions);
    }

    private static PageException notVietnamese() {
        return new PageException("not_vietnamese", "The page is not in Vietnamese");
    }

    /**
     * The body's place on the page, or null when no line is a paragraph of prose. The body is anchored on the long
     * paragraphs of prose, from the first to the last before the article's end, and takes in the short lines of text
     * just above and below them (a one-sentence opening or closing paragraph). Inside, every line is text, a caption
     * or a heading, by its own evidence (see {@link #isCaption}).
     */
    private Layout layout(List<String> lines, List<String> keys, boolean[] excluded, boolean[] inContainer,
                          Prose proseLines, String knownTitle, boolean[] sapo) {
        boolean[] prose = proseLines.prose();
        int anchor = -1;
        for (int i = 0; i < lines.size() && anchor < 0; i++) {
            if (!excluded[i] && prose[i]) {
                anchor = i;
            }
        }
        if (anchor < 0) {
            return null;
        }
        // Not article text: what is excluded, and the boxes of links inside the article.
        boolean[] template = new boolean[lines.size()];
        int stop = articleEnd(lines, keys, prose, inContainer, anchor, template);
        for (int i = 0; i < lines.size(); i++) {
            template[i] |= excluded[i];
        }
        int last = anchor;
        for (int i = anchor; i < stop; i++) {
            if (!template[i] && (prose[i] || isListItem(lines.get(i)))) {
                last = i;
            }
        }
        Lines page = new Lines(lines, keys, proseLines.paragraph());
        page.context = context(page, template, anchor, stop, knownTitle);
        int start = reach(page, template, anchor, -1, -1);
        last = reach(page, template, last, 1, stop);
        List<String> paragraphs = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        // The sapo the markup names above the body is its first paragraph, whatever stands between them.
        int sapoStart = start;
        for (int i = 0; i < start; i++) {
            if (sapo[i]) {
                paragraphs.add(lines.get(i));
                sapoStart = Math.min(sapoStart, i);
            }
        }
        for (int i = start; i <= last; i++) {
            String line = lines.get(i);
            if (template[i] || i > start && keys.get(i).equals(keys.get(i - 1)) || isEndMarker(line)) {
                // The site's own line, the second copy of a caption shown twice (alt text, caption), or the label of
                // a box of links inside the article's container.
                continue;
            }
            if (isListItem(line)) {
                paragraphs.add(line);
            } else if (isHeading(line)) {
                continue;
            } else if (isCaption(page, i) || isUnfinished(line)) {
                captions.add(line);
            } else {
                paragraphs.add(line);
            }
        }
        if (paragraphs.isEmpty()) {
            // Every line looked like a caption: the long paragraphs of prose are the article all the same.
            for (int i = start; i <= last; i++) {
                if (!template[i] && prose[i]) {
                    paragraphs.add(lines.get(i));
                    captions.remove(lines.get(i));
                }
            }
        }
        return new Layout(sapoStart, stop, last, paragraphs, captions);
    }

    /**
     * How far the body reaches beyond its long paragraphs, from {@code edge} one line at a time in {@code step}
     * (-1 up, +1 down) until {@code limit} (exclusive): over the short lines of text that open or close the story
     * and at most {@value #MAX_CAPTIONS_BETWEEN} captions between them, up to the first line of anything else (a
     * title, a byline, a template line). Captions beyond the last line of text stay outside.
     */
    private int reach(Lines page, boolean[] template, int edge, int step, int limit) {
        int captionsSkipped = 0;
        for (int candidate = edge + step; candidate != limit && !template[candidate]; candidate += step) {
            if (step < 0 && hasTitleShape(page.lines.get(candidate))) {
                break; // a headline that asks or exclaims ends like a sentence, but stands above the body
            }
            if (isShortText(page, candidate)) {
                edge = candidate;
                captionsSkipped = 0;
            } else if ((isCaption(page, candidate) || isUnfinished(page.lines.get(candidate)))
                    && captionsSkipped < MAX_CAPTIONS_BETWEEN) {
                captionsSkipped++;
            } else {
                break;
            }
        }
        return edge;
    }

    /**
     * A short line of article text: a sentence (sentence punctuation at its end, enough syllables, some function
     * words) that is not a caption, a counter, a byline or a title with its own date.
     */
    private boolean isShortText(Lines page, int i) {
        String line = page.lines.get(i);
        int syllables = VietnameseText.syllableCount(line);
        return syllables >= MIN_TEXT_SYLLABLES && endsSentence(line)
                && !COUNTER.matcher(line).matches() && !BYLINE_LABEL.matcher(line).lookingAt() && !isDatedTitle(line)
                && hasFunctionWords(syllables, page.keys.get(i)) && !isCaption(page, i);
    }

    /**
     * A photo caption among the article's lines: a credit or alt text by its form ("(Ảnh: Minh Hà)", "… ảnh 3"), a
     * line the page shows twice in a row (the image's alt text, then its caption), or one the caption model finds
     * describing a picture rather than telling the story.
     */
    private boolean isCaption(Lines page, int i) {
        if (page.captions[i] == 0) {
            String line = page.lines.get(i);
            List<String> keys = page.keys;
            boolean caption = isPhotoCredit(line)
                    || i + 1 < keys.size() && keys.get(i + 1).equals(keys.get(i)) && !keys.get(i).isEmpty()
                    || !isLongProse(page.line(i)) && isCaptionByModel(page, i);
            page.captions[i] = (byte) (caption ? 1 : -1);
        }
        return page.captions[i] > 0;
    }

    /**
     * The caption model's answer; for a paragraph by the page's layout (a whole {@code <p>} of the article's
     * container, where sites mark their captions in figures, caption classes and italics; a line of a run of
     * sentences), only when the model finds a caption more likely than not.
     */
    private boolean isCaptionByModel(Lines page, int i) {
        CaptionModel.Line line = page.line(i);
        double threshold = captionModel.threshold(line);
        if (page.paragraph[i]) {
            threshold = Math.max(threshold, MARKED_PARAGRAPH_THRESHOLD);
        }
        return captionModel.probability(line, page.context) >= threshold;
    }

    /**
     * A paragraph of several sentences, longer than any length the caption model tells apart: text. (A caption
     * that long is a paragraph with a caption glued into it by the scraper, and is text too.)
     */
    private static boolean isLongProse(CaptionModel.Line line) {
        return line.syllables() > MAX_CAPTION_SYLLABLES && line.sentences() > 1;
    }

    /**
     * A line that ends without the punctuation of a sentence or a clause, and is short or has no sentence
     * punctuation at all: between paragraphs it labels a picture ("Đồng chí Chủ tịch LĐLĐ tỉnh phát biểu tại hội
     * nghị"), as 97 % of article sentences end with such punctuation.
     */
    private static boolean isUnfinished(String line) {
        return !endsWith(line, ENDS_CLAUSE, CLAUSE_MARKS) && (!hasSentenceEnd(line)
                || VietnameseText.syllableCount(line) < MIN_PARAGRAPH_SYLLABLES);
    }

    private static boolean isPhotoCredit(String line) {
        return mayNameAPhoto(line) && PHOTO.matcher(line).find()
                || PHOTO_FIRST.matcher(line).lookingAt() && VietnameseText.syllableCount(line) < MIN_PARAGRAPH_SYLLABLES;
    }

    /**
     * Whether a line has "ảnh" or "photo" in any case, as every form {@link #PHOTO} knows does: most lines have
     * neither, and then the pattern need not be tried at every place of the line.
     */
    private static boolean mayNameAPhoto(String line) {
        return containsLowerCase(line, "ảnh") || containsLowerCase(line, "photo");
    }

    /**
     * Whether the lower case of {@code line} contains {@code lower} ("ảnh", "photo"), without building it: lower-casing
     * maps each character on its own, and the few it maps otherwise in a string (İ, a final Σ) give none of these
     * letters.
     */
    private static boolean containsLowerCase(String line, String lower) {
        for (int i = 0, last = line.length() - lower.length(); i <= last; i++) {
            int j = 0;
            while (j < lower.length() && Character.toLowerCase(line.charAt(i + j)) == lower.charAt(j)) {
                j++;
            }
            if (j == lower.length()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSentenceEnd(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '…') {
                return true;
            }
        }
        return false;
    }

    private static boolean endsSentence(String line) {
        return endsWith(line, ENDS_SENTENCE, SENTENCE_MARKS);
    }

    /**
     * What {@code pattern} (one of {@code marks}, then closers, at the end) finds in {@code line}: the last
     * character before the closing quotes and brackets is one of {@code marks}. A line that ends in a line
     * terminator, where the pattern's end may also match before it, is left to the pattern.
     */
    private static boolean endsWith(String line, Pattern pattern, String marks) {
        if (!line.isEmpty() && isLineTerminator(line.charAt(line.length() - 1))) {
            return pattern.matcher(line).find();
        }
        for (int i = line.length() - 1; i >= 0; i--) {
            char c = line.charAt(i);
            if (CLOSERS.indexOf(c) < 0) {
                return marks.indexOf(c) >= 0;
            }
        }
        return false;
    }

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /**
     * A page's lines, their template keys (their match keys), which are paragraphs by the page's layout, what the
     * caption model needs to know of the page, and its answers, each worked out once when first asked.
     */
    private static final class Lines {
        final List<String> lines;
        final List<String> keys;
        /** Whether each line is a paragraph by the page's layout (see {@link #isCaptionByModel}). */
        final boolean[] paragraph;
        /** Whether each line is a caption: 0 not decided yet, 1 yes, -1 no. */
        final byte[] captions;
        private final CaptionModel.Line[] modelLines;
        CaptionModel.Context context = CaptionModel.Context.NONE;

        Lines(List<String> lines, List<String> keys, boolean[] paragraph) {
            this.lines = lines;
            this.keys = keys;
            this.paragraph = paragraph;
            this.captions = new byte[lines.size()];
            this.modelLines = new CaptionModel.Line[lines.size()];
        }

        CaptionModel.Line line(int i) {
            if (modelLines[i] == null) {
                modelLines[i] = CaptionModel.Line.of(lines.get(i), keys.get(i));
            }
            return modelLines[i];
        }
    }

    /**
     * The caption model's view of the page: its title (the known one, else the one the lines above the first
     * paragraph give) and the lines from the first paragraph to the article's end, at most
     * {@value #MAX_CONTEXT_LINES} (an article the model learnt from has a few dozen).
     */
    private CaptionModel.Context context(Lines page, boolean[] template, int anchor, int stop, String knownTitle) {
        List<CaptionModel.Line> article = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = anchor; i < Math.min(stop, anchor + MAX_CONTEXT_LINES); i++) {
            if (!template[i]) {
                article.add(page.line(i));
                texts.add(page.lines.get(i));
            }
        }
        String title = knownTitle != null ? knownTitle : title(header(page.lines, template, anchor), texts);
        return CaptionModel.Context.of(title, article);
    }

    /** The lines above {@code end} that are not the site's template. */
    private static List<String> header(List<String> lines, boolean[] template, int end) {
        List<String> header = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            if (!template[i]) {
                header.add(lines.get(i));
            }
        }
        return header;
    }

    /**
     * Which lines are paragraphs of prose, among those not {@code outside} the article's container (only those can
     * be article text); on a page without any, the runs of sentences ({@link #markSentenceRuns}).
     */
    private Prose proseLines(List<String> lines, List<String> keys, boolean[] outside, boolean[] markedParagraphs) {
        boolean[] prose = new boolean[lines.size()];
        boolean[] paragraph = markedParagraphs.clone();
        boolean anyProse = false;
        for (int i = 0; i < lines.size(); i++) {
            prose[i] = !outside[i] && isParagraph(lines.get(i), keys.get(i));
            anyProse |= prose[i];
        }
        if (!anyProse) {
            markSentenceRuns(lines, keys, outside, prose, paragraph);
        }
        return new Prose(prose, paragraph);
    }

    /**
     * A page that writes one short sentence a line has no long paragraph: there a run of
     * {@value #MIN_SENTENCE_RUN} or more sentences in a row is the prose, each of its lines a paragraph by the
     * page's layout as a {@code <p>} is by markup.
     */
    private void markSentenceRuns(List<String> lines, List<String> keys, boolean[] outside, boolean[] prose,
                                  boolean[] paragraph) {
        int runStart = 0;
        for (int i = 0; i <= lines.size(); i++) {
            if (i < lines.size() && !outside[i] && isSentenceLine(lines.get(i), keys.get(i))) {
                continue;
            }
            if (i - runStart >= MIN_SENTENCE_RUN) {
                Arrays.fill(prose, runStart, i, true);
                Arrays.fill(paragraph, runStart, i, true);
            }
            runStart = i + 1;
        }
    }

    /** A sentence of text on a line of its own; a headline that asks or exclaims is none. */
    private boolean isSentenceLine(String line, String key) {
        int syllables = VietnameseText.syllableCount(line);
        return syllables >= MIN_TEXT_SYLLABLES && endsSentence(line) && !hasTitleShape(line)
                && hasFunctionWords(syllables, key);
    }

    /**
     * Whether a sentence has the function words of prose; a short one ("Công đoàn đề nghị doanh nghiệp tăng
     * lương.") may have none, and its sentence punctuation says enough.
     */
    private boolean hasFunctionWords(int syllables, String key) {
        return syllables < MIN_SHARE_SYLLABLES || functionWordShare(key) >= MIN_FUNCTION_WORD_SHARE;
    }

    private boolean isParagraph(String line, String key) {
        if (VietnameseText.syllableCount(line) < MIN_PARAGRAPH_SYLLABLES || !hasSentenceEnd(line)) {
            return false;
        }
        return functionWordShare(key) >= MIN_FUNCTION_WORD_SHARE;
    }

    /**
     * The share of function words in a line, given by its match key (already folded, so the words are read
     * without folding again). Measured on a paragraph's opening, which shows its kind as well as the whole and
     * keeps parsing linear.
     */
    private double functionWordShare(String key) {
        int end = key.length() <= FUNCTION_WORD_SAMPLE ? key.length() : key.lastIndexOf(' ', FUNCTION_WORD_SAMPLE);
        List<String> tokens = words.words(key.substring(0, Math.max(end, 0)));
        if (tokens.isEmpty()) {
            return 0;
        }
        long function = tokens.stream().filter(words::isStopwordKey).count();
        return (double) function / tokens.size();
    }

    private static boolean isListItem(String line) {
        return !line.isEmpty() && BULLETS.indexOf(line.charAt(0)) >= 0 && LIST_ITEM.matcher(line).matches()
                && VietnameseText.syllableCount(line) >= 8;
    }

    /** A numbered or capitalised section heading inside the article ("1. Kết quả nổi bật", "II. NHIỆM VỤ"). */
    private static boolean isHeading(String line) {
        return !endsSentence(line) && VietnameseText.syllableCount(line) <= MAX_HEADING_SYLLABLES
                && (HEADING_NUMBER.matcher(line).lookingAt() || Titles.isAllCaps(line));
    }

    /**
     * The first line after {@code start} that ends the article: a section marker, the start of a teaser list (a
     * title followed by the title again) or of a list of dated titles; else the end of the page. Inside the
     * container the markup gives the article, a marker only labels a box of links within it; so does a marker
     * whose few titles are followed by two paragraphs of prose in a row (a teaser list alternates titles and
     * leads). The lines of such boxes are marked in {@code boxes}.
     */
    private int articleEnd(List<String> lines, List<String> keys, boolean[] prose, boolean[] inContainer, int start,
                           boolean[] boxes) {
        for (int i = start + 1; i < lines.size(); i++) {
            if (inContainer[i]) {
                continue;
            }
            if (isEndMarker(lines.get(i))) {
                int resumes = boxEnd(lines, prose, i);
                if (resumes < 0) {
                    return i;
                }
                Arrays.fill(boxes, i, resumes, true);
                i = resumes - 1;
            } else if (startsTeaser(lines, keys, prose, i) || startsDatedList(lines, i)) {
                return i;
            }
        }
        return lines.size();
    }

    /**
     * Where the article resumes after a box of links that the marker at {@code marker} opens inside it ("Tin liên
     * quan:" and two titles), or -1 when the marker ends the article.
     */
    private static int boxEnd(List<String> lines, boolean[] prose, int marker) {
        int i = marker + 1;
        while (i < lines.size() && i - marker <= MAX_BOX_TITLES && !prose[i]
                && !endsSentence(lines.get(i))
                && VietnameseText.syllableCount(lines.get(i)) <= MAX_TEASER_TITLE_SYLLABLES) {
            i++;
        }
        boolean titles = i > marker + 1;
        return titles && i + 1 < lines.size() && prose[i] && prose[i + 1] ? i : -1;
    }

    /** A section marker, also with a count or a colon: "Các tin khác", "Ý kiến bạn đọc (3)", "Tin liên quan:". */
    private boolean isEndMarker(String line) {
        if (line.length() > MAX_MARKER_CHARS) {
            return false;
        }
        String lower = MARKER_COUNT.matcher(line.toLowerCase(Locale.ROOT).strip()).replaceAll("");
        if (endMarkers.contains(lower)) {
            return true;
        }
        for (String prefix : endMarkerPrefixes) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Title" then "Title" again, or "Section: Title": how teaser lists repeat the link of another article, and then
     * do it again for the next one. A photo's alt text and caption are one line shown twice too, but once, and as a
     * sentence.
     */
    private static boolean startsTeaser(List<String> lines, List<String> keys, boolean[] prose, int i) {
        if (!isTeaserTitle(lines, keys, prose, i)) {
            return false;
        }
        if (!endsSentence(lines.get(i))) {
            return true;
        }
        for (int j = i + 2; j < Math.min(lines.size(), i + 2 + MAX_TEASER_GAP); j++) {
            if (isTeaserTitle(lines, keys, prose, j)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTeaserTitle(List<String> lines, List<String> keys, boolean[] prose, int i) {
        if (i + 1 >= lines.size() || prose[i] || prose[i + 1] || !keys.get(i + 1).endsWith(keys.get(i))) {
            return false;
        }
        int syllables = VietnameseText.syllableCount(lines.get(i));
        return syllables >= 4 && syllables <= MAX_TEASER_TITLE_SYLLABLES;
    }

    /** Two titles with their own dates within three lines: a list of other articles or documents. */
    private static boolean startsDatedList(List<String> lines, int i) {
        if (!isDatedTitle(lines.get(i))) {
            return false;
        }
        for (int j = i + 1; j < Math.min(lines.size(), i + 4); j++) {
            if (isDatedTitle(lines.get(j))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDatedTitle(String line) {
        // Every date has a slash; most lines have none, and the pattern need not be tried at each place of them.
        return line.indexOf('/') >= 0 && VietnameseText.syllableCount(line) <= MAX_TITLE_SYLLABLES
                && DATED_TITLE.matcher(line).find();
    }

    /**
     * The title among the last lines above the body: the nearest line of title shape (see {@link #hasTitleShape}),
     * unless the opening does not talk about it at all while it does repeat most of the words of a line further up
     * (a share bar or widget label between the headline and the article).
     */
    private String title(List<String> header, List<String> paragraphs) {
        Set<String> opening = new HashSet<>(Syllables.of(
                String.join(" ", paragraphs.subList(0, Math.min(2, paragraphs.size())))));
        String nearest = null;
        double nearestShare = 0;
        for (int i = header.size() - 1, distance = 0; i >= 0 && distance < TITLE_SEARCH_LINES; i--, distance++) {
            String line = header.get(i);
            if (!hasTitleShape(line)) {
                continue;
            }
            double share = sharedContentShare(line, opening);
            if (nearest == null) {
                nearest = line;
                nearestShare = share;
                if (share >= TITLE_MIN_SHARED) {
                    return line;
                }
            } else if (share >= TITLE_MIN_SHARED && nearestShare < TITLE_UNRELATED_SHARE) {
                return line;
            }
        }
        return nearest;
    }

    /**
     * A headline's shape: 5 to 60 syllables (99.8 % of VietNews titles have 5 or more), no sentence or label
     * punctuation at its end (questions and exclamations are titles too), and none of a bulleted menu entry, a
     * breadcrumb, a link bar ("Chia sẻ | Facebook | Zalo"), a date line, a counter, a photo credit or a byline.
     */
    private static boolean hasTitleShape(String line) {
        int syllables = VietnameseText.syllableCount(line);
        return syllables >= MIN_TITLE_SYLLABLES && syllables <= MAX_TITLE_SYLLABLES && !line.contains("»")
                && !BULLET.matcher(line).lookingAt() && !NOT_TITLE_END.matcher(line).find() && !isLinkBar(line)
                && !isDateLine(line) && !COUNTER.matcher(line).matches() && !isPhotoCredit(line)
                && !BYLINE_LABEL.matcher(line).lookingAt();
    }

    /** Two or more short items between separators: a row of links or buttons, not a headline. */
    private static boolean isLinkBar(String line) {
        String[] items = LINK_SEPARATOR.split(line);
        if (items.length < 3) {
            return false;
        }
        for (String item : items) {
            if (VietnameseText.syllableCount(item) > MAX_LINK_ITEM_SYLLABLES) {
                return false;
            }
        }
        return true;
    }

    /** A line that is a date and little else: "Thứ sáu - 15/09/2017 05:22", "Cập nhật: 08:15 ngày 14/01/2022". */
    private static boolean isDateLine(String line) {
        if (!DATE_LIKE.matcher(line).find()) {
            return false;
        }
        String rest = DATE_WORDS.matcher(DATE_LIKE.matcher(line).replaceAll(" ")).replaceAll(" ");
        return VietnameseText.syllableCount(rest) < MIN_TITLE_SYLLABLES - 1;
    }

    /** The share of a line's content syllables (not function words) that {@code opening} also has. */
    private double sharedContentShare(String line, Set<String> opening) {
        int content = 0;
        int shared = 0;
        for (String syllable : Syllables.of(line)) {
            if (!words.isStopword(syllable)) {
                content++;
                if (opening.contains(syllable)) {
                    shared++;
                }
            }
        }
        return content == 0 ? 0 : (double) shared / content;
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
                    && !COUNTER.matcher(line).matches() && !DATE_LIKE.matcher(line).find()
                    && (BYLINE_LABEL.matcher(line).lookingAt() || Character.isUpperCase(line.codePointAt(0)))) {
                return line;
            }
        }
        return null;
    }

    /**
     * Identifies a page for template learning, so that re-scrapes count once: its id, its URL, else its first
     * paragraphs of prose (which a re-scrape does not change, unlike counters and lists of latest news).
     */
    private String pageKey(RawPage page, List<String> lines) {
        if (page.id() != null && !page.id().isBlank()) {
            return "id:" + page.id();
        }
        if (page.url() != null && !page.url().isBlank()) {
            return "url:" + ArticleIds.canonicalUrl(page.url());
        }
        StringBuilder opening = new StringBuilder();
        int paragraphs = 0;
        for (int i = 0; i < lines.size() && paragraphs < 3; i++) {
            if (VietnameseText.syllableCount(lines.get(i)) >= MIN_PARAGRAPH_SYLLABLES) {
                opening.append(lines.get(i)).append('\n');
                paragraphs++;
            }
        }
        return "text:" + Digests.sha256Hex(opening.length() > 0 ? opening.toString() : String.join("\n", lines));
    }

    private static boolean looksBinary(String content) {
        long odd = content.chars()
                .filter(c -> c == '\uFFFD' || (c < 0x20 && c != '\n' && c != '\r' && c != '\t'))
                .limit(content.length() / 100 + 1)
                .count();
        return odd > content.length() / 100;
    }

    /**
     * The lines of a text page, each {@link VietnameseText#normalize normalised}, without the blank ones: what the
     * lines of the normalised page are (normalising keeps line breaks and works within a line), while most lines
     * need no change, and are checked and kept as they are.
     */
    private static List<String> nonBlankLines(String text) {
        return text.lines().map(VietnameseText::normalize).filter(line -> !line.isBlank()).toList();
    }
}
