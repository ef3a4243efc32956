package dev.stratus.importer;

import dev.stratus.project.ProjectFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Imports an AWS SAM or CloudFormation template (YAML with the short intrinsics {@code !Ref},
 * {@code !GetAtt}, {@code !Sub}, ..., or JSON) as a Stratus project for AWS.
 *
 * <p>What becomes what:
 *
 * <ul>
 *   <li>{@code AWS::Serverless::Function} and {@code AWS::Lambda::Function}: a function with the
 *       template's memory (128 MB when it sets none, as on AWS), timeout (3 s), runtime, architecture,
 *       handler, environment and reserved and provisioned concurrency; {@code Globals.Function} gives
 *       the defaults.
 *   <li>Tables ({@code AWS::Serverless::SimpleTable}, {@code AWS::DynamoDB::Table}): a database;
 *       buckets, queues and topics: a bucket, queue or topic; {@code AWS::Serverless::HttpApi} and
 *       {@code Api}: an API gateway fed by an HTTP trigger, with a route edge per function event
 *       (events with no API of their own share one gateway named after the stack).
 *   <li>Events: {@code Schedule}/{@code ScheduleV2}: a schedule trigger; {@code SQS}, {@code SNS},
 *       {@code S3}: an edge from the queue, topic or bucket; {@code Kinesis} and {@code DynamoDB}
 *       streams: a stream trigger; {@code FunctionUrlConfig} and {@code AWS::Lambda::Url}: an HTTP
 *       trigger straight to the function. {@code AWS::Lambda::EventSourceMapping},
 *       {@code AWS::SNS::Subscription} and scheduled {@code AWS::Events::Rule}s are read the same way.
 *   <li>A bucket, queue or topic that starts functions but that no function of the template writes to
 *       becomes a trigger (storage, queue or topic trigger) rather than a service: nothing in the design
 *       would ever put anything into it, and a trigger is where a simulation's traffic arrives. When a
 *       function writes to it, it stays a service and the edge from it starts the function; a bucket
 *       service starts functions on every new object, so an S3 event's filter is then reported.
 *   <li>Connections (one edge per function and target): SAM policy templates, IAM statements (inline,
 *       or in the function's role) whose Resource refers to a resource of the template, and
 *       environment variables that refer to one. Such a variable keeps the target's name as its
 *       value, which the exporters turn back into a reference. A SES permission adds an email node.
 *   <li>Names and ids come from {@code Metadata: {Stratus: {id, name}}} when the resource has it
 *       (Stratus's SAM export writes it); otherwise the name is the logical id in kebab case and the
 *       id the kind's prefix and the name. The project's name comes from the template's {@code
 *       Metadata.Stratus.name}, its Description's first line, or the file name.
 *   <li>What a Stratus export records beyond resources is read back too: the HTTP triggers of an API
 *       or a function URL and the schedules of a function ({@code httpTriggers}, {@code
 *       scheduleTriggers} in the resource's Stratus metadata), the email node behind each SES identity
 *       parameter and the external APIs ({@code parameters}, {@code externalApis} in the template's),
 *       so that export, import and export again give the same template. An API that a Stratus export
 *       wrote without HTTP triggers gets none; an API of any other template gets one.
 *   <li>Every entry trigger gets a workload of one request a second (Poisson); the nodes are placed
 *       by {@link dev.stratus.layout.LayeredLayout}.
 * </ul>
 *
 * <p>Everything else (outputs, parameters, conditions, IAM roles, log groups, layers, VPC settings,
 * dead-letter queues, events of other types, ...) is listed in the report, one line per item with its
 * logical id and line. A template that is not YAML or JSON, or not shaped like a template, is refused
 * with a {@link TemplateException} naming the line and column.
 */
public final class SamImporter {

    /** Imports the template in {@code template}. */
    public ImportResult importFile(Path template) throws IOException, TemplateException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(template);
        } catch (NoSuchFileException e) {
            throw new TemplateException(template.toString(), 0, 0, "no such file", e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new TemplateException(template.toString(), 0, 0, "is not UTF-8 text, so it is not a template", e);
        }
        return importText(text, template.toString());
    }

    /** Imports {@code template} and writes the project to {@code projectFile}. */
    public ImportResult importFile(Path template, Path projectFile) throws IOException, TemplateException {
        ImportResult result = importFile(template);
        ProjectFiles.save(result.project(), projectFile);
        return result;
    }

    /**
     * Imports a template from its text.
     *
     * @param file how to name the template in errors and, without its extension, the project when the
     *     template names none
     */
    public ImportResult importText(String text, String file) throws TemplateException {
        Tree.Mapping root = TemplateReader.read(text, file);
        return new TemplateImport(Template.read(root, file), stem(file)).run();
    }

    private static String stem(String file) {
        String name = Path.of(file).getFileName() == null
                ? file
                : Path.of(file).getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
