package qantar;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.server.configuration.ServerSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;

/**
 * Runs a real Neo4j Community server (neo4j-harness, same kernel, Bolt and HTTP as the
 * packaged server) in this JVM, bound to 127.0.0.1, with authentication enabled.
 *
 * <p>The password of the {@code neo4j} user is read from an environment variable
 * (default {@code NEO4J_PASSWORD}); it is never taken from the command line and never
 * printed. Prints exactly one line on stdout when ready:
 *
 * <pre>qantar-neo4j ready bolt://127.0.0.1:7687 http://127.0.0.1:7474 version 5.26.x</pre>
 *
 * Stops cleanly on SIGTERM/SIGINT and, with {@code --exit-on-stdin-close}, when stdin
 * reaches end of file (so a parent process that dies takes the server with it).
 */
public final class Neo4jLocal {
    private static final String USER = "neo4j";

    private Neo4jLocal() {}

    private static void usage(PrintStream out) {
        out.println("usage: java -cp ... qantar.Neo4jLocal [--bolt-port N] [--http-port N]"
                + " [--data-dir DIR] [--plugins-dir DIR] [--pagecache SIZE_MB]"
                + " [--password-env VAR] [--browser-post-connect CMD] [--exit-on-stdin-close]");
        out.println("  ports default to 7687/7474; 0 picks a free port. Without --data-dir the"
                + " store is temporary and deleted on stop.");
        out.println("  the neo4j user's password is read from the environment variable VAR"
                + " (default NEO4J_PASSWORD, at least 8 characters).");
    }

    private static void die(String msg) {
        System.err.println("qantar-neo4j error: " + msg);
        System.exit(2);
    }

    // browser.post_connect_cmd: what the Browser runs on connect (e.g. ":style <url>")
    private static String browserPostConnect = null;

    public static void main(String[] args) {
        int boltPort = 7687;
        int httpPort = 7474;
        Path dataDir = null;
        Path pluginsDir = null;
        long pagecacheMb = 64;
        String passwordEnv = "NEO4J_PASSWORD";
        boolean exitOnStdinClose = false;

        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = (i + 1 < args.length) ? args[i + 1] : null;
            try {
                switch (a) {
                    case "--bolt-port" -> { boltPort = Integer.parseInt(need(a, v)); i++; }
                    case "--http-port" -> { httpPort = Integer.parseInt(need(a, v)); i++; }
                    case "--data-dir" -> { dataDir = Paths.get(need(a, v)).toAbsolutePath(); i++; }
                    case "--plugins-dir" -> { pluginsDir = Paths.get(need(a, v)).toAbsolutePath(); i++; }
                    case "--pagecache" -> { pagecacheMb = Long.parseLong(need(a, v)); i++; }
                    case "--password-env" -> { passwordEnv = need(a, v); i++; }
                    case "--browser-post-connect" -> { browserPostConnect = need(a, v); i++; }
                    case "--exit-on-stdin-close" -> exitOnStdinClose = true;
                    case "-h", "--help" -> { usage(System.out); return; }
                    default -> { usage(System.err); die("unknown argument " + a); }
                }
            } catch (NumberFormatException e) {
                die("not a number after " + a);
            }
        }

        String password = System.getenv(passwordEnv);
        if (password == null || password.isEmpty()) {
            die("environment variable " + passwordEnv + " is not set (it holds the neo4j user's password)");
        }
        if (password.codePointCount(0, password.length()) < 8) {
            die("the password in " + passwordEnv + " is shorter than 8 characters (Neo4j's minimum)");
        }

        try {
            run(boltPort, httpPort, dataDir, pluginsDir, pagecacheMb, password, exitOnStdinClose);
        } catch (Throwable t) {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String msg = root.getMessage() == null ? root.toString() : root.getMessage();
            System.err.println("qantar-neo4j error: " + msg.replace('\n', ' '));
            if (System.getenv("QANTAR_NEO4J_DEBUG") != null) {
                t.printStackTrace();
            }
            System.exit(1);
        }
    }

    private static String need(String flag, String value) {
        if (value == null) {
            die("missing value after " + flag);
        }
        return value;
    }

    private static void run(int boltPort, int httpPort, Path dataDir, Path pluginsDir, long pagecacheMb,
            String password, boolean exitOnStdinClose) throws Exception {
        // neo4j_home holds data/ and logs/. With --data-dir it is kept across restarts;
        // without it a temporary directory is used and deleted on stop. (The harness'
        // own random work folder only gets its user log and is deleted on close.)
        final Path tempRoot = dataDir == null ? Files.createTempDirectory("qantar-neo4j-") : null;
        final Path home = dataDir != null ? dataDir : tempRoot.resolve("home");
        Files.createDirectories(home);
        Path workRoot = (tempRoot != null ? tempRoot : home).resolve("harness");
        Files.createDirectories(workRoot);

        Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder(workRoot)
                .withConfig(GraphDatabaseSettings.auth_enabled, true)
                .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pagecacheMb))
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                .withConfig(HttpConnector.enabled, true)
                .withConfig(HttpConnector.listen_address, new SocketAddress("127.0.0.1", httpPort))
                .withConfig(HttpsConnector.enabled, false)
                .withConfig(GraphDatabaseSettings.udc_enabled, false) // no usage data "phone home"
                // A local server need not wait 2 x 5 s for idle Bolt connections on stop.
                .withConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .withConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(3))
                .withConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress("127.0.0.1"));
        if (boltPort != 0) {
            builder.withConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort));
        }
        if (httpPort != 0) {
            builder.withConfig(HttpConnector.advertised_address, new SocketAddress("127.0.0.1", httpPort));
        }
        builder.withConfig(GraphDatabaseSettings.neo4j_home, home);
        // LOAD CSV reads file:/// URLs from the import directory only (the packaged
        // server's default; the harness leaves file URLs unconfined: any file the JVM
        // can read, even in a READ session).
        Path importDir = home.resolve("import");
        Files.createDirectories(importDir);
        builder.withConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir);
        if (browserPostConnect != null) {
            builder.withConfig(ServerSettings.browser_post_connect_cmd, browserPostConnect);
        }
        if (pluginsDir != null && Files.isDirectory(pluginsDir)) {
            builder.withConfig(GraphDatabaseSettings.plugin_dir, pluginsDir);
            builder.withConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"));
            builder.withConfig(GraphDatabaseSettings.procedure_allowlist, List.of("*"));
        }

        writeInitialPassword(home, password);

        Neo4j neo4j = builder.build();
        AtomicBoolean stopped = new AtomicBoolean(false);
        CountDownLatch done = new CountDownLatch(1);
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                try {
                    neo4j.close();
                } catch (Throwable t) {
                    System.err.println("qantar-neo4j: error while stopping: " + t.getMessage());
                }
                if (tempRoot != null) {
                    deleteTree(tempRoot);
                }
                System.err.println("qantar-neo4j stopped");
                done.countDown();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "qantar-neo4j-shutdown"));

        setPassword(neo4j, password);
        String version = version(neo4j.defaultDatabaseService());

        URI bolt = neo4j.boltURI();
        URI http = neo4j.httpURI();
        System.out.println("qantar-neo4j ready bolt://127.0.0.1:" + bolt.getPort() + " http://127.0.0.1:"
                + http.getPort() + " version " + version);
        System.out.flush();

        if (exitOnStdinClose) {
            Thread t = new Thread(() -> {
                try {
                    InputStream in = System.in;
                    byte[] buf = new byte[256];
                    while (in.read(buf) >= 0) {
                        // ignore input; we only wait for EOF
                    }
                } catch (IOException ignored) {
                    // treat as closed
                }
                System.exit(0); // runs the shutdown hook
            }, "qantar-neo4j-stdin");
            t.setDaemon(true);
            t.start();
        }
        done.await();
    }

    private static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Seeds data/dbms/auth.ini so the very first start already has the password (no window). */
    private static void writeInitialPassword(Path home, String password) {
        try {
            Config cfg = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
            if (Files.exists(cfg.get(GraphDatabaseSettings.data_directory).resolve("databases").resolve("system"))) {
                return; // already initialised: setPassword() below handles it
            }
            Path file = CommunitySecurityModule.getInitialUserRepositoryFile(cfg);
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try (var fs = new DefaultFileSystemAbstraction()) {
                var repo = new FileUserRepository(fs, file, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
                repo.start();
                repo.create(new User(USER, null,
                        SystemGraphCredential.createCredentialForPassword(
                                password.getBytes(StandardCharsets.UTF_8), new SecureHasher()),
                        false, false));
                repo.shutdown();
            }
        } catch (Exception e) {
            // Not fatal: setPassword() sets it right after start.
            System.err.println("qantar-neo4j: could not pre-seed the password (" + e.getMessage() + ")");
        }
    }

    /** Sets the neo4j user's password through the embedded API on the system database. */
    private static void setPassword(Neo4j neo4j, String password) {
        GraphDatabaseService system = neo4j.databaseManagementService().database("system");
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", Map.of("p", password));
        } catch (RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            Throwable c = e.getCause();
            while (c != null) {
                m += " " + c.getMessage();
                c = c.getCause();
            }
            if (!m.contains("cannot be the same")) {
                throw e;
            }
            // Same password as before: make sure no change is required, ignore otherwise.
        }
    }

    private static String version(GraphDatabaseService db) {
        try (Transaction tx = db.beginTx(); Result r = tx.execute("CALL dbms.components() YIELD versions RETURN versions[0] AS v")) {
            return String.valueOf(r.next().get("v"));
        }
    }
}
