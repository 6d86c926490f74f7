package vn.unionnews.kafka;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.utils.Utils;
import vn.unionnews.analysis.StageFailure;

/**
 * The start-up check of every command: the cluster answers within {@code connect.timeout.ms}
 * ({@code --connect-timeout}), or the command fails at once with one line that names the address and what was
 * tried, instead of its clients retrying for a minute.
 */
public final class Cluster {
    private Cluster() {
    }

    /** The cluster at {@code bootstrap.servers} cannot be reached; the message says where and what was tried. */
    public static final class UnreachableException extends RuntimeException {
        UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Returns once the cluster has named its brokers; throws {@link UnreachableException} after the timeout. */
    public static void awaitReachable(UnionNewsConfig config) {
        int millis = Math.max(1, config.getInt(UnionNewsConfig.CONNECT_TIMEOUT_MS));
        String servers = config.bootstrapServers();
        Properties props = config.clientProperties("admin");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(millis));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(millis));
        long start = System.nanoTime();
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis)).nodes()
                    .get(millis + 1000L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unreachable(servers, millis, start, e.getCause());
        } catch (TimeoutException | KafkaException e) {
            throw unreachable(servers, millis, start, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(servers, millis, start, e);
        }
    }

    private static UnreachableException unreachable(String servers, int timeoutMillis, long start, Throwable cause) {
        double seconds = (System.nanoTime() - start) / 1e9;
        String message = String.format(Locale.ROOT, "Cannot reach the Kafka cluster at %s (bootstrap.servers):"
                        + " asked it for its brokers for %.1f s of --connect-timeout %d s; %s; the client said: %s", servers,
                seconds, timeoutMillis / 1000, String.join(", ", probe(servers)), StageFailure.messages(cause));
        return new UnreachableException(message, cause);
    }

    /** What a plain TCP connection to each bootstrap address finds: the clue a Kafka client's timeout hides. */
    static List<String> probe(String servers) {
        List<String> found = new ArrayList<>();
        for (String server : servers.split(",")) {
            String address = server.trim();
            String host = Utils.getHost(address);
            Integer port = Utils.getPort(address);
            if (host == null || port == null) {
                found.add(address + " is not HOST:PORT");
                continue;
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 2000);
                found.add(address + " accepts connections but does not answer as Kafka");
            } catch (UnknownHostException e) {
                found.add(address + ": unknown host");
            } catch (ConnectException e) {
                found.add(address + " refused the connection (nothing listening?)");
            } catch (SocketTimeoutException e) {
                found.add(address + " did not answer (a firewall, or the wrong address?)");
            } catch (IOException | IllegalArgumentException e) {
                found.add(address + ": " + e.getMessage());
            }
        }
        return found;
    }
}
