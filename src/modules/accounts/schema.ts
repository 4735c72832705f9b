// Input schemas of the accounts module (forms and CLI).
import { z } from 'zod';
import { roles } from '../../core/policy.ts';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .email('Bitte geben Sie eine gültige E-Mail-Adresse an.')
  .max(254);

export const loginSchema = z.object({
  email: z.string().trim().min(1, 'Bitte geben Sie Ihre E-Mail-Adresse an.').max(254),
  password: z.string().min(1, 'Bitte geben Sie Ihr Passwort an.').max(1024),
  weiter: z.string().optional(),
});

export const grantSchema = z
  .object({
    role: z.enum(roles, { message: 'Unbekannte Rolle.' }),
    departmentId: z
      .string()
      .trim()
      .max(64)
      .nullish()
      .transform((v) => v || null),
    organisationId: z
      .string()
      .trim()
      .max(64)
      .nullish()
      .transform((v) => v || null),
  })
  .refine((g) => g.role !== 'organiser' || g.departmentId, {
    message: 'Eine Organisationsrolle braucht einen Fachbereich.',
    path: ['departmentId'],
  })
  .refine((g) => g.role !== 'provider' || g.organisationId, {
    message: 'Eine Anbieterrolle braucht eine Organisation.',
    path: ['organisationId'],
  });

export const createUserSchema = z.object({
  email: emailSchema,
  displayName: z.string().trim().min(2, 'Bitte geben Sie einen Namen an.').max(200),
  grants: z.array(grantSchema).max(20).default([]),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const newPasswordSchema = z
  .object({
    token: z.string().min(10).max(100),
    password: z.string().max(1024),
    password2: z.string().max(1024),
  })
  .refine((v) => v.password === v.password2, {
    message: 'Die beiden Passwörter stimmen nicht überein.',
    path: ['password2'],
  });

export const userIdParams = z.object({ id: z.coerce.number().int().positive() });
