/**
 * Published models: {@code atelier export} turns a run into a small folder of inference weights with a
 * model card (SHA-256 of every file, training facts, reproducing commands), and every command that
 * takes a RUN also takes such a folder or, for {@code weights/<name>/}, its bare name.
 */
package org.atelier.training.publish;
