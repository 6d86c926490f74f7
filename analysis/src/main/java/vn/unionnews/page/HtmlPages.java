package vn.unionnews.page;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import vn.unionnews.text.VietnameseText;

/**
 * HTML pages as the lines the parser reads, with what the markup says outright. The markup is read first:
 * <ul>
 *   <li>the title ({@code og:title}, the headline {@code <h1>} or {@code itemprop=headline}, else the part of
 *       {@code <title>} that is not the site's name), the publication time ({@code article:published_time},
 *       {@code <time datetime>}) and the site's name ({@code og:site_name});</li>
 *   <li>photo captions: {@code <figure>} and {@code <figcaption>}, elements classed or id'd as captions, images or
 *       photos, tables that frame an image, a line in italics under an image, and any line an image's {@code alt}
 *       or {@code title} repeats;</li>
 *   <li>the article's container: {@code itemprop=articleBody}, else the block whose paragraphs hold the most text
 *       with the least link text (readability's scoring), with its sibling paragraphs; lines outside it are never
 *       article text;</li>
 *   <li>the sapo, the lead paragraph a newspaper sets above the body ({@code .sapo}, {@code .description},
 *       {@code .lead}, an {@code <h2>} just before the body): the body's first paragraph.</li>
 * </ul>
 * Left out: scripts, navigation, sidebars and widgets (by tag and by class or id), and link lists (menus, related
 * articles), found by link density. Every pass is linear in the page, also for deeply nested markup.
 */
final class HtmlPages {
    private static final String NOT_CONTENT =
            "script, style, noscript, template, iframe, svg, nav, footer, aside, form, button, select, input";
    private static final String CAPTIONS = "figcaption, .wp-caption-text, .PhotoCMS_Caption, p.Image, td.caption";
    /**
     * Class or id words of blocks that hold no article text; the first group also inside longer names
     * ("jp-relatedposts", "box-tinlienquanv2", "box_comment_vne").
     */
    private static final Pattern NOT_CONTENT_NAME = Pattern.compile(
            "(?i)related|lien-?quan|comment|sharing|sharedaddy|advert|"
                    + "(?:^|[\\s_-])(?:sidebar|side-bar|widget|relate|share|social|banner|ads|menu|navbar|popup|poll|"
                    + "vote|rating|counter|weather|footer|tags|tin-?khac|other-news|most-read)(?:$|[\\s_-])");
    /** Class or id words of the block a site names as its article's text. */
    private static final Pattern CONTENT_NAME = Pattern.compile(
            "(?i)article|content|entry|body|detail|post|story|main|news|noi-?dung|chi-?tiet");
    /** Class or id parts of elements that hold a photo and its caption, or the caption alone. */
    private static final Pattern CAPTION_NAME = Pattern.compile("(?i)caption|chu-?thich");
    private static final Pattern PHOTO_NAME = Pattern.compile("(?i)image|photo|picture|(?:^|[\\s_-])(?:img|pic)");
    /** Class or id parts of a lead paragraph (sapo) above the body. */
    private static final Pattern SAPO_NAME = Pattern.compile(
            "(?i)sapo|chap+eau|(?:^|[\\s_-])(?:lead|description|desc|summary|excerpt|intro|tom-?tat)(?:$|[\\s_-])");
    private static final Pattern SITE_NAME = Pattern.compile(
            "(?:Liên đoàn Lao động|LĐLĐ|Công đoàn|Tổng Liên đoàn|Báo|Tạp chí|Cổng thông tin|Trang thông tin)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final int MAX_SITE_NAME_SYLLABLES = 12;
    private static final Pattern DOMAIN = Pattern.compile("(?i)\\b[\\w-]+\\.(?:vn|com|net|org)\\b");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|–—-]\\s+|\\s+::\\s+");
    private static final double MAX_LINK_DENSITY = 0.6;
    /** A block is a paragraph to score from this much text of its own (readability's 25 characters). */
    private static final int MIN_PARAGRAPH_CHARS = 25;
    /** A caption, or a frame of a photo and its caption, has at most this much text. */
    private static final int MAX_CAPTION_CHARS = 400;
    /** A figure holds a picture and its caption; past this much text it frames something else. */
    private static final int MAX_FIGURE_CHARS = 1_000;
    private static final int MIN_SAPO_CHARS = 40;
    private static final int MIN_SIBLING_PARAGRAPH_CHARS = 80;
    private static final double MAX_LEAD_LINK_DENSITY = 0.25;
    private static final int MAX_SAPO_CHARS = 1_200;
    /** How far above the container a sapo's and the container's common ancestor may be. */
    private static final int SAPO_ANCESTOR_LEVELS = 3;
    private static final Stats NO_STATS = new Stats();

    /**
     * A line of the page: its text, whether it is inside the article's container, whether it is the sapo, and
     * whether it is a whole {@code <p>} of the container, a paragraph by markup.
     */
    record Line(String text, boolean inArticle, boolean sapo, boolean paragraph) {
    }

    /**
     * What the page gives the parser: its lines, whether an article container was found (else every line may be
     * article text) and whether the site names it as such, and what the markup says outright.
     */
    record HtmlContent(List<Line> lines, boolean containerFound, boolean containerNamed, Optional<String> title,
                       Optional<String> publishedAt, Optional<String> siteName, List<String> captions) {
    }

    private HtmlPages() {
    }

    static HtmlContent read(String html) {
        Document doc = Jsoup.parse(html);
        Optional<String> declaredSite = firstNonBlank(doc.select("meta[property=og:site_name]").attr("content"));
        Optional<String> siteName = declaredSite.or(() -> siteInTitle(doc.title()));
        Optional<String> published = firstNonBlank(
                doc.select("meta[property=article:published_time]").attr("content"),
                doc.select("meta[itemprop=datePublished]").attr("content"),
                doc.select("time[datetime]").attr("datetime"));
        Set<String> imageTexts = imageTexts(doc);
        doc.select(NOT_CONTENT).remove();
        Map<Element, Stats> stats = stats(doc.body());
        List<String> captions = markedCaptions(doc, stats);
        Element container = container(doc, stats);
        Set<Element> article = articleBlocks(container, stats);
        List<Element> elements = doc.body().getAllElements();
        Element sapo = sapo(elements, container, stats);
        BlockText text = new BlockText(stats, article, sapo, imageTexts, captions);
        NodeTraversor.filter(text, doc.body());
        List<Line> lines = text.lines();
        Optional<String> title = firstNonBlank(doc.select("meta[property=og:title]").attr("content"))
                .or(() -> headline(elements, container))
                .or(() -> titleOfDocument(doc.title(), siteName, lines))
                .map(t -> withoutSiteName(t, siteName));
        boolean named = container.hasAttr("itemprop") || CONTENT_NAME.matcher(name(container)).find();
        return new HtmlContent(lines, container != doc.body(), named, title, published, siteName, captions);
    }

    /** The alt and title texts of the page's images, by match key: a line that repeats one is the caption. */
    private static Set<String> imageTexts(Document doc) {
        Set<String> texts = new HashSet<>();
        for (Element image : doc.select("img[alt], img[title]")) {
            for (String text : List.of(image.attr("alt"), image.attr("title"))) {
                if (VietnameseText.syllableCount(text) >= 4) {
                    texts.add(VietnameseText.matchKey(text).strip());
                }
            }
        }
        return texts;
    }

    /**
     * Takes the captions the markup marks out of the page, in page order: figures and their captions, elements
     * classed as captions, frames of a photo with a short text (a {@code <table>}, a block classed as an image or
     * photo), and a short line in italics right under an image. {@code stats} are kept true to what is left.
     */
    private static List<String> markedCaptions(Document doc, Map<Element, Stats> stats) {
        List<Element> marked = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e && depth > 0 && isCaption(e, stats)) {
                    marked.add(e);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, doc.body());
        List<String> captions = new ArrayList<>();
        for (Element e : marked) {
            Elements inner = e.select(CAPTIONS);
            String text = (inner.isEmpty() ? e : inner.first()).text().strip();
            if (!text.isEmpty()) {
                captions.add(text);
            }
            // What the caption held is no longer in the blocks around it.
            Stats removed = of(stats, e);
            for (Element ancestor = e.parent(); ancestor != null && stats.containsKey(ancestor);
                 ancestor = ancestor.parent()) {
                stats.get(ancestor).subtract(removed);
            }
            e.remove();
        }
        return captions;
    }

    private static boolean isCaption(Element e, Map<Element, Stats> stats) {
        Stats s = of(stats, e);
        if (isCaptionElement(e) || e.nameIs("figure") && s.text <= MAX_FIGURE_CHARS) {
            return true;
        }
        if (s.text > MAX_CAPTION_CHARS) {
            return false;
        }
        String name = name(e);
        if (!name.isEmpty() && CAPTION_NAME.matcher(name).find()) {
            return true;
        }
        if (s.images > 0 && (e.nameIs("table") || e.attr("type").equalsIgnoreCase("photo")
                || !name.isEmpty() && PHOTO_NAME.matcher(name).find())) {
            return true;
        }
        return isItalicLineUnderImage(e, s, stats);
    }

    /**
     * One of {@value #CAPTIONS}, told by tag and class (not by {@code Element.is}, which walks up to the root on
     * every call: quadratic on a deeply nested page).
     */
    private static boolean isCaptionElement(Element e) {
        return e.nameIs("figcaption") || e.hasClass("wp-caption-text") || e.hasClass("PhotoCMS_Caption")
                || e.nameIs("p") && e.hasClass("Image") || e.nameIs("td") && e.hasClass("caption");
    }

    /** "<p><em>Caption</em></p>" right after a block that holds only an image, or in the block with the image. */
    private static boolean isItalicLineUnderImage(Element e, Stats s, Map<Element, Stats> stats) {
        if (!e.isBlock() || s.text == 0 || s.italic < s.text) {
            return false;
        }
        Element previous = e.previousElementSibling();
        Stats before = previous == null ? NO_STATS : of(stats, previous);
        return before.images > 0 && before.text == 0 || s.images > 0;
    }

    /**
     * What an element holds, counted bottom-up in one pass (asking each element for its text would be quadratic in
     * the nesting depth): characters of text, of link text and of text in italics, and images.
     */
    private static final class Stats {
        int text;
        int link;
        int italic;
        int images;

        void subtract(Stats part) {
            text -= part.text;
            link -= part.link;
            italic -= part.italic;
            images -= part.images;
        }
    }

    private static Map<Element, Stats> stats(Element root) {
        Map<Element, Stats> stats = new IdentityHashMap<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
            }

            @Override
            public void tail(Node node, int depth) {
                if (!(node.parent() instanceof Element parent)) {
                    return;
                }
                Stats total = stats.computeIfAbsent(parent, e -> new Stats());
                if (node instanceof TextNode text) {
                    total.text += text.text().strip().length();
                } else if (node instanceof Element element) {
                    Stats own = stats.computeIfAbsent(element, e -> new Stats());
                    if (element.nameIs("a")) {
                        own.link = own.text;
                    } else if (element.nameIs("em") || element.nameIs("i")) {
                        own.italic = own.text;
                    } else if (element.nameIs("img")) {
                        own.images = 1;
                    }
                    total.text += own.text;
                    total.link += own.link;
                    total.italic += own.italic;
                    total.images += own.images;
                }
            }
        }, root);
        return stats;
    }

    private static Stats of(Map<Element, Stats> stats, Element e) {
        return stats.getOrDefault(e, NO_STATS);
    }

    private static double linkDensity(Map<Element, Stats> stats, Element e) {
        Stats s = of(stats, e);
        return s.text == 0 ? 0 : (double) s.link / s.text;
    }

    /**
     * The article's container: {@code itemprop=articleBody} when it holds text, else the element whose paragraphs
     * score highest, each paragraph (a block with text of its own, not mostly links) scoring 1 + its commas + one per
     * 100 characters (at most 3), for its parent, half for its grandparent, a third above; an element's score is
     * then discounted by its link density. The body when no paragraph scores.
     */
    private static Element container(Document doc, Map<Element, Stats> lengths) {
        for (Element declared : doc.select("[itemprop=articleBody]")) {
            if (of(lengths, declared).text >= MAX_CAPTION_CHARS) {
                return declared;
            }
        }
        Map<Element, double[]> scores = new IdentityHashMap<>();
        OwnText own = new OwnText();
        NodeTraversor.traverse(own, doc.body());
        own.paragraphs.forEach((block, text) -> {
            if (text.length() < MIN_PARAGRAPH_CHARS || linkDensity(lengths, block) > MAX_LINK_DENSITY
                    || isBoilerplate(block)) {
                return;
            }
            double score = 1 + text.chars().filter(c -> c == ',').count() + Math.min(text.length() / 100, 3);
            Element ancestor = block.parent();
            for (int level = 1; level <= 3 && ancestor != null; level++, ancestor = ancestor.parent()) {
                scores.computeIfAbsent(ancestor, e -> new double[1])[0] += score / level;
            }
        });
        Element best = doc.body();
        double bestScore = 0;
        for (Map.Entry<Element, double[]> e : scores.entrySet()) {
            double score = e.getValue()[0] * (1 - linkDensity(lengths, e.getKey()));
            if (score > bestScore && e.getKey() != doc.body() && !e.getKey().nameIs("html")) {
                best = e.getKey();
                bestScore = score;
            }
        }
        return best;
    }

    /** The text each block holds itself, outside any block inside it: what a reader sees as its paragraph. */
    private static final class OwnText implements NodeVisitor {
        final Map<Element, StringBuilder> paragraphs = new IdentityHashMap<>();
        private final Deque<Element> blocks = new ArrayDeque<>();

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element e && e.isBlock()) {
                blocks.push(e);
            } else if (node instanceof TextNode text && !blocks.isEmpty() && !text.isBlank()) {
                paragraphs.computeIfAbsent(blocks.peek(), b -> new StringBuilder()).append(text.text());
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e && e.isBlock()) {
                blocks.pop();
            }
        }
    }

    /**
     * The blocks that hold article text: the container, and its sibling paragraphs with long text and few links (a
     * lead set beside the body), as readability joins a split body.
     */
    private static Set<Element> articleBlocks(Element container, Map<Element, Stats> lengths) {
        Set<Element> blocks = Collections.newSetFromMap(new IdentityHashMap<>());
        blocks.add(container);
        if (container.parent() == null || container.nameIs("body")) {
            return blocks;
        }
        for (Element sibling : container.parent().children()) {
            if (sibling != container && sibling.nameIs("p") && of(lengths, sibling).text >= MIN_SIBLING_PARAGRAPH_CHARS
                    && linkDensity(lengths, sibling) < MAX_LEAD_LINK_DENSITY
                    && !isBoilerplate(sibling)) {
                blocks.add(sibling);
            }
        }
        return blocks;
    }

    /**
     * The sapo: a block named as a lead, or an {@code <h2>} of prose, that comes before the container's text, close
     * to it in the page's tree (a common ancestor at most {@value #SAPO_ANCESTOR_LEVELS} levels above the
     * container), with text of its own and few links. Null when there is none.
     */
    private static Element sapo(List<Element> elements, Element container, Map<Element, Stats> lengths) {
        if (container.nameIs("body")) {
            return null;
        }
        Set<Element> near = Collections.newSetFromMap(new IdentityHashMap<>());
        Element ancestor = container.parent();
        for (int level = 0; level < SAPO_ANCESTOR_LEVELS && ancestor != null; level++, ancestor = ancestor.parent()) {
            near.add(ancestor);
        }
        Element found = null;
        for (Element e : elements) {
            if (e == container) {
                break;
            }
            int length = of(lengths, e).text;
            boolean named = e.nameIs("h2") || !name(e).isEmpty() && SAPO_NAME.matcher(name(e)).find();
            if (named && length >= MIN_SAPO_CHARS && length <= MAX_SAPO_CHARS
                    && linkDensity(lengths, e) < MAX_LEAD_LINK_DENSITY && near.contains(e.parent()) && !isBoilerplate(e)) {
                found = e;
            }
        }
        return found;
    }

    /** The headline: the {@code <h1>} (else {@code itemprop=headline}) nearest before the container, else the first. */
    private static Optional<String> headline(List<Element> elements, Element container) {
        Element h1 = null;
        Element headline = null;
        boolean passedContainer = false;
        for (Element e : elements) {
            passedContainer |= e == container;
            boolean isH1 = e.nameIs("h1");
            boolean isHeadline = e.attr("itemprop").equalsIgnoreCase("headline");
            if ((isH1 || isHeadline) && !e.text().isBlank()) {
                if (isH1 && (h1 == null || !passedContainer)) {
                    h1 = e;
                }
                if (isHeadline && (headline == null || !passedContainer)) {
                    headline = e;
                }
            }
        }
        Element found = h1 != null ? h1 : headline;
        return found == null ? Optional.empty() : Optional.of(found.text().strip());
    }

    /**
     * The title in {@code <title>}: of "Title - Site", "Site | Title", the part that is not the site (its declared
     * name, a union or paper's name, a domain); of two that could be either, the one the page prints as a line,
     * else the longer.
     */
    private static Optional<String> titleOfDocument(String whole, Optional<String> siteName, List<Line> lines) {
        if (whole.isBlank()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (String part : TITLE_SEPARATOR.split(whole.strip())) {
            if (!part.isBlank() && !isSiteName(part.strip(), siteName)) {
                parts.add(part.strip());
            }
        }
        if (parts.size() <= 1) {
            return Optional.of(parts.isEmpty() ? whole.strip() : parts.get(0));
        }
        Set<String> printed = new HashSet<>();
        lines.forEach(line -> printed.add(VietnameseText.matchKey(line.text())));
        Comparator<String> byLength = Comparator.comparingInt(String::length);
        return parts.stream().filter(p -> printed.contains(VietnameseText.matchKey(p))).max(byLength)
                .or(() -> parts.stream().max(byLength));
    }

    private static boolean isSiteName(String part, Optional<String> siteName) {
        return siteName.map(s -> VietnameseText.matchKey(s).equals(VietnameseText.matchKey(part))).orElse(false)
                || namesAnOrganisation(part)
                || DOMAIN.matcher(part).find() && VietnameseText.syllableCount(part) <= 4;
    }

    /** "Title - Site name", "Site | Title" as a title may have it: the title alone. */
    private static String withoutSiteName(String title, Optional<String> siteName) {
        if (siteName.isEmpty()) {
            return title;
        }
        String site = siteName.get();
        if (title.endsWith(site) && title.length() > site.length()) {
            return title.substring(0, title.length() - site.length()).replaceAll("[\\s|–—-]+$", "");
        }
        if (title.startsWith(site) && title.length() > site.length()) {
            return title.substring(site.length()).replaceAll("^[\\s|–—-]+", "");
        }
        return title;
    }

    /**
     * The site's name in a {@code <title>} of the form "Title - Site" or "Site | Title": the first or last part,
     * when it names an organisation (a union, a federation, a paper) rather than continuing the title.
     */
    private static Optional<String> siteInTitle(String title) {
        String[] parts = TITLE_SEPARATOR.split(title.strip());
        if (parts.length < 2) {
            return Optional.empty();
        }
        for (String part : List.of(parts[parts.length - 1].strip(), parts[0].strip())) {
            if (namesAnOrganisation(part)) {
                return Optional.of(part);
            }
        }
        return Optional.empty();
    }

    /** A short name that begins as a union's, a federation's, a paper's or a portal's does. */
    private static boolean namesAnOrganisation(String part) {
        return SITE_NAME.matcher(part).lookingAt() && VietnameseText.syllableCount(part) <= MAX_SITE_NAME_SYLLABLES;
    }

    private static boolean isBoilerplate(Element e) {
        String name = name(e);
        return !name.isEmpty() && NOT_CONTENT_NAME.matcher(name).find();
    }

    /** An element's class and id, the names sites give their blocks; empty for most elements. */
    private static String name(Element e) {
        String className = e.className();
        String id = e.id();
        return id.isEmpty() ? className : className + " " + id;
    }

    /**
     * Writes the text of the page's blocks as lines, a line break around every block element and at every
     * {@code <br>}, skipping link lists and blocks named as sidebars or widgets; a line an image's alt text repeats
     * joins the captions.
     */
    private static final class BlockText implements NodeFilter {
        private final Map<Element, Stats> lengths;
        private final Set<Element> article;
        private final Element sapo;
        private final Set<String> imageTexts;
        private final List<String> captions;
        /** The container and its ancestors: a main column named "sidebar-1" is still where the article is. */
        private final Set<Element> holdsArticle = Collections.newSetFromMap(new IdentityHashMap<>());
        private final List<Line> lines = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private int insideArticle;
        /** The {@code <p>} whose text the current line holds, as long as nothing split it. */
        private Element openParagraph;
        private int insideSapo;

        BlockText(Map<Element, Stats> lengths, Set<Element> article, Element sapo, Set<String> imageTexts,
                  List<String> captions) {
            this.lengths = lengths;
            this.article = article;
            this.sapo = sapo;
            this.imageTexts = imageTexts;
            this.captions = captions;
            for (Element e : article) {
                holdsArticle.add(e);
                holdsArticle.addAll(e.parents());
            }
        }

        List<Line> lines() {
            flush(false);
            return lines;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                current.append(text.text());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.CONTINUE;
            }
            if (depth > 0 && e.isBlock() && (isLinkList(e) || isBoilerplate(e)) && !holdsArticle.contains(e)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (e.isBlock() || e.nameIs("br")) {
                flush(false);
                openParagraph = e.nameIs("p") ? e : null;
            }
            if (article.contains(e)) {
                insideArticle++;
            }
            if (e == sapo) {
                insideSapo++;
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
                if (e.isBlock()) {
                    flush(openParagraph == e);
                    openParagraph = null;
                }
                if (article.contains(e)) {
                    insideArticle--;
                }
                if (e == sapo) {
                    insideSapo--;
                }
            }
            return FilterResult.CONTINUE;
        }

        private void flush(boolean wholeParagraph) {
            String text = VietnameseText.normalize(current.toString()).strip();
            current.setLength(0);
            if (text.isEmpty()) {
                return;
            }
            if (!imageTexts.isEmpty() && text.length() <= MAX_CAPTION_CHARS
                    && imageTexts.contains(VietnameseText.matchKey(text))) {
                captions.add(text);
                return;
            }
            boolean inArticle = insideArticle > 0 || insideSapo > 0;
            lines.add(new Line(text, inArticle, insideSapo > 0, inArticle && wholeParagraph));
        }

        /** A block whose text is mostly link text: a menu, a list of related articles, a tag cloud. */
        private boolean isLinkList(Element block) {
            return linkDensity(lengths, block) > MAX_LINK_DENSITY && !block.nameIs("p");
        }
    }

    private static Optional<String> firstNonBlank(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return Optional.of(c.strip());
            }
        }
        return Optional.empty();
    }
}
