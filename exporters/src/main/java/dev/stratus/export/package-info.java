/** Export of projects to deployable formats for each cloud, and import of AWS SAM templates. */
package dev.stratus.export;
