import jakarta.el.ELProcessor;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Evaluates JUEL/Unified-EL condition text with Tomcat's Jakarta EL, the same expression language
 * Camunda 7 and Flowable evaluate. Input, one case per line (tab-separated):
 *   expression \t path=type:value \t path=type:value …
 * where type is s (string), n (number), b (boolean). Output: one line per case, true/false/error:….
 */
public final class EvalEl {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    String line;
    while ((line = in.readLine()) != null) {
      String[] parts = line.split("\t", -1);
      Map<String, Object> root = new HashMap<>();
      for (int i = 1; i < parts.length; i++) {
        if (parts[i].isEmpty()) continue;
        int eq = parts[i].indexOf('=');
        String path = parts[i].substring(0, eq);
        String typed = parts[i].substring(eq + 1);
        char type = typed.charAt(0);
        String raw = typed.substring(2).replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\");
        Object value = type == 'n' ? (Object) Double.valueOf(raw) : type == 'b' ? (Object) Boolean.valueOf(raw) : raw;
        put(root, path.split("\\."), value);
      }
      ELProcessor el = new ELProcessor();
      for (Map.Entry<String, Object> e : root.entrySet()) el.defineBean(e.getKey(), e.getValue());
      String expr = parts[0];
      try {
        Object result = el.eval(expr.substring(2, expr.length() - 1));
        out.append(Boolean.TRUE.equals(result) ? "true" : "false").append('\n');
      } catch (Exception ex) {
        out.append("error:").append(ex.getClass().getSimpleName()).append(' ').append(String.valueOf(ex.getMessage()).replace('\n', ' ')).append('\n');
      }
    }
    System.out.print(out);
    System.out.flush();
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, String[] path, Object value) {
    Map<String, Object> cur = root;
    for (int i = 0; i < path.length - 1; i++) {
      cur = (Map<String, Object>) cur.computeIfAbsent(path[i], k -> new HashMap<String, Object>());
    }
    cur.put(path[path.length - 1], value);
  }
}
