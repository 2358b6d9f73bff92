package org.atelier.datasets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.atelier.core.errors.InvalidInputException;

/**
 * Groups a dataset's samples by one slice column — an attribute, or {@link #CLASS} for the class
 * label — without decoding images. The base of counts, per-slice grids and audits.
 */
public final class Slices {
    /** The pseudo-attribute naming the class label. */
    public static final String CLASS = "class";

    private Slices() {
    }

    /** The slice columns of a dataset: {@code class} when it is labelled, then its attributes. */
    public static List<String> columns(ImageDataset ds) {
        List<String> cols = new ArrayList<>();
        if (!ds.classNames().isEmpty()) {
            cols.add(CLASS);
        }
        cols.addAll(ds.attributeNames());
        return cols;
    }

    /**
     * Sample indices per value of {@code column}, values in class order for {@code class} and in
     * sorted order otherwise. Every sample appears under exactly one value.
     *
     * @throws InvalidInputException when the dataset has no such column (the message lists them)
     */
    public static Map<String, List<Integer>> indicesBy(ImageDataset ds, String column) {
        if (!columns(ds).contains(column)) {
            throw new InvalidInputException("dataset " + ds.id() + " has no slice column '" + column + "'; it has "
                    + (columns(ds).isEmpty() ? "none" : String.join(", ", columns(ds))));
        }
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        if (column.equals(CLASS)) {
            ds.classNames().forEach(n -> out.put(n, new ArrayList<>()));
            for (int i = 0; i < ds.size(); i++) {
                int label = ds.labelOf(i);
                String name = label == Sample.NO_LABEL ? "(none)" : ds.classNames().get(label);
                out.computeIfAbsent(name, k -> new ArrayList<>()).add(i);
            }
            return out;
        }
        Map<String, List<Integer>> sorted = new TreeMap<>(Slices::naturalOrder);
        for (int i = 0; i < ds.size(); i++) {
            sorted.computeIfAbsent(ds.attributesOf(i).get(column), k -> new ArrayList<>()).add(i);
        }
        out.putAll(sorted);
        return out;
    }

    /**
     * Orders values with embedded numbers by number ({@code MST-2} before {@code MST-10}) and
     * everything else alphabetically, so slice tables read in the order people expect.
     */
    public static int naturalOrder(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int c = new java.math.BigInteger(a.substring(si, i)).compareTo(new java.math.BigInteger(b.substring(sj, j)));
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Number of samples per value of {@code column}, in {@link #indicesBy} order. */
    public static Map<String, Integer> counts(ImageDataset ds, String column) {
        Map<String, Integer> out = new LinkedHashMap<>();
        indicesBy(ds, column).forEach((v, idx) -> out.put(v, idx.size()));
        return out;
    }

    /** Up to {@code n} distinct indices drawn uniformly from {@code from} (a seeded partial shuffle). */
    public static List<Integer> pick(List<Integer> from, int n, long seed) {
        List<Integer> pool = new ArrayList<>(from);
        SplittableRandom rng = new SplittableRandom(seed);
        int k = Math.min(n, pool.size());
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(pool.size() - i);
            Integer t = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, t);
        }
        return List.copyOf(pool.subList(0, k));
    }
}
