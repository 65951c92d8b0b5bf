package io.github.paynetsavecard.mock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads the classes a mock's first start needs on a second thread while the first thread reads the spec, so that a
 * test JVM's first start waits less for the class loader. The names come from {@value #RESOURCE}, which the build
 * writes by starting the mock once with {@code -XX:DumpLoadedClassList} ({@code cli.FirstStart}). Classes are loaded,
 * not initialised: no static initialiser runs earlier than it would, and a name the class path lacks (another
 * version of a dependency) is skipped. Once per class loader of this class, on a daemon thread that ends when the
 * list is done; with the launcher's AppCDS archive most of the classes are already mapped.
 *
 * <p>Why: without an archive (a test JVM), a first start loads about 2,300 classes from the class path, most of its
 * time on 2 cores. With them loaded ahead, bench/junit-start's first starts took 861-974 ms against 909-1,068 without
 * (8 fresh JVMs each, alternating; docs/bench.md, "classes loaded ahead").
 */
final class ClassPreload {
    /** The class list, one binary name per line with {@code /} separators, as the JVM writes it. */
    static final String RESOURCE = "io/github/paynetsavecard/mock/first-start.classlist";
    /** {@code -Dpaynet.mock.preload=false} turns the thread off (the build does, to list what a start loads alone). */
    static final String PROPERTY = "paynet.mock.preload";

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private ClassPreload() {
    }

    /**
     * Starts the loading thread, the first time only; does nothing when the build wrote no list or
     * {@value #PROPERTY} is {@code false}.
     *
     * @throws IllegalArgumentException when {@value #PROPERTY} is set to anything but {@code true} or {@code false}
     */
    static void startOnce() {
        if (!enabled(System.getProperty(PROPERTY)) || !STARTED.compareAndSet(false, true)) {
            return;
        }
        ClassLoader loader = ClassPreload.class.getClassLoader();
        if (loader.getResource(RESOURCE) == null) {
            return;
        }
        Thread thread = new Thread(() -> load(names(loader), loader), "paynet-mock-class-preload");
        thread.setDaemon(true);
        thread.start();
    }

    static boolean enabled(String setting) {
        if (setting == null || setting.strip().equalsIgnoreCase("true")) {
            return true;
        }
        if (setting.strip().equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("-D" + PROPERTY + " must be true or false, but was '" + setting
                + "'; leave it out to load a start's classes ahead");
    }

    /** Loads each class of {@code names} that {@code loader} can find, without initialising it; returns how many. */
    static int load(List<String> names, ClassLoader loader) {
        int loaded = 0;
        for (String name : names) {
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError | RuntimeException notHere) {
                // Not on this class path, or not loadable here (a container's loader may refuse): the start loads
                // what it needs itself.
            }
        }
        return loaded;
    }

    /** The names in the list, dotted; empty when there is none. Comments and lambda proxies ({@code @}) are skipped. */
    static List<String> names(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return names;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String name = line.strip();
                int space = name.indexOf(' ');
                if (space > 0) {
                    name = name.substring(0, space); // newer JDKs add " id: N" and more
                }
                if (!name.isEmpty() && !name.startsWith("#") && !name.startsWith("@")) {
                    names.add(name.replace('/', '.'));
                }
            }
        } catch (IOException unreadable) {
            names.clear(); // nothing loaded ahead; the start is only slower
        }
        return names;
    }
}
