/**
 * Import of AWS SAM and CloudFormation templates into Stratus projects: {@link
 * dev.stratus.importer.SamImporter}.
 */
package dev.stratus.importer;
