package vn.unionnews.page;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.unionnews.text.VietnameseText;

/**
 * What the pages of one site have in common, learnt from the stream: a line (menu, slogan, counter label, footer,
 * a "Bản Tin Công Đoàn" banner) that recurs on {@code minPages} different pages of the same site is part of the
 * site's template, not of an article. The parser reads the template of a page's site before it looks for the
 * article and teaches it the page afterwards, so the tenth page of a site is cleaned better than the first.
 *
 * <p>A site is the URL's host, else the scraper's source name, else the page's first line (a site's banner).
 * Pages count once each: by id, else canonical URL, else their first paragraphs, so re-scrapes of one article
 * never turn its own sentences into template. Memory is bounded: the least recently seen sites are forgotten
 * past {@code maxSites}, and a site forgets its one-off lines past {@code maxLinesPerSite}. Thread-safe.
 */
public final class SiteTemplates {
    public static final int DEFAULT_MIN_PAGES = 3;
    private static final int DEFAULT_MAX_SITES = 1_000;
    private static final int DEFAULT_MAX_LINES_PER_SITE = 20_000;
    private static final int REMEMBERED_PAGES = 1_000;

    private final int minPages;
    private final int maxSites;
    private final int maxLinesPerSite;
    private final Map<String, Site> sites;

    public SiteTemplates() {
        this(DEFAULT_MIN_PAGES, DEFAULT_MAX_SITES, DEFAULT_MAX_LINES_PER_SITE);
    }

    public SiteTemplates(int minPages, int maxSites, int maxLinesPerSite) {
        if (minPages < 2) {
            throw new IllegalArgumentException("a template line must recur on at least 2 pages, not " + minPages);
        }
        this.minPages = minPages;
        this.maxSites = maxSites;
        this.maxLinesPerSite = maxLinesPerSite;
        this.sites = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Site> eldest) {
                return size() > SiteTemplates.this.maxSites;
            }
        };
    }

    /** The site a page belongs to: its URL's host, the scraper's source name, or its first line. */
    public static String siteOf(String url, String sourceHint, String firstLine) {
        String host = hostOf(url);
        if (host != null) {
            return "host:" + host;
        }
        if (sourceHint != null && !sourceHint.isBlank()) {
            return "source:" + VietnameseText.matchKey(sourceHint);
        }
        return "banner:" + VietnameseText.matchKey(firstLine == null ? "" : firstLine);
    }

    /** The host of a URL, lower case and without "www.", or null. */
    static String hostOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = new URI(url.strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The key a line is remembered by: case, spacing and tone placement do not make another line. */
    static String lineKey(String line) {
        return VietnameseText.matchKey(line);
    }

    /** The template lines of {@code site} known so far, as {@link #lineKey}s. */
    public synchronized Set<String> templateOf(String site) {
        Site known = sites.get(site);
        return known == null ? Set.of() : Set.copyOf(known.template);
    }

    /** Teaches the site one page: {@code pageKey} identifies the page, {@code lineKeys} are its lines' keys. */
    public synchronized void learn(String site, String pageKey, Collection<String> lineKeys) {
        Site known = sites.computeIfAbsent(site, s -> new Site());
        if (!known.pagesSeen.add(pageKey)) {
            return;
        }
        known.pageOrder.addLast(pageKey);
        if (known.pageOrder.size() > REMEMBERED_PAGES) {
            known.pagesSeen.remove(known.pageOrder.removeFirst());
        }
        for (String line : new HashSet<>(lineKeys)) {
            if (known.lineCounts.merge(line, 1, Integer::sum) == minPages) {
                known.template.add(line);
            }
        }
        if (known.lineCounts.size() > maxLinesPerSite) {
            known.lineCounts.values().removeIf(count -> count < 2);
        }
    }

    /** How many sites are remembered; for tests and metrics. */
    public synchronized int siteCount() {
        return sites.size();
    }

    private static final class Site {
        final Set<String> pagesSeen = new HashSet<>();
        final Deque<String> pageOrder = new ArrayDeque<>();
        final Map<String, Integer> lineCounts = new HashMap<>();
        final Set<String> template = new HashSet<>();
    }
}
