// What modelKeys reads from a schema, for the parts the real schema does not use yet (defaults, @map, named
// arguments), so the drift test keeps comparing the right thing when the schema starts using them.
import { describe, expect, it } from 'vitest';
import { modelKeys, modelShapes } from './schema-derive';

const schema = `
enum Kind {
  A
}

model Owner {
  id    String @id @map("owner_id")
  code  String @unique(map: "owner_code") // a comment with @unique in it
  pets  Pet[]
  @@map("owners")
}

model Pet {
  ownerId   String  @map("owner_ref")
  owner     Owner   @relation(fields: [ownerId], references: [id])
  keeperId  String?
  keeper    Owner?  @relation("Keeper", fields: [keeperId], references: [id], onUpdate: NoAction)
  name      String
  kind      Kind
  nick      String?

  @@id(fields: [ownerId, name])
  @@unique([name(sort: Desc), kind], name: "pet_name_kind")
  @@index([kind])
}
`;

describe('modelKeys', () => {
  it("reads @id, @unique, @@id(fields:), @@unique with sort arguments, @map / @@map, and Prisma's default actions", () => {
    expect(modelKeys(schema)).toEqual({
      owners: ['primary key (owner_id)', 'unique (code)'],
      Pet: [
        // required relation: RESTRICT on delete; optional: SET NULL; on update CASCADE unless written
        'foreign key (keeperId) references owners (owner_id) on delete SET NULL on update NO ACTION',
        'foreign key (owner_ref) references owners (owner_id) on delete RESTRICT on update CASCADE',
        'primary key (owner_ref, name)',
        'unique (name, kind)',
      ],
    });
  });

  it('leaves relation fields and lists out of the column shapes', () => {
    expect(modelShapes(schema)).toEqual({
      owners: { owner_id: { nullable: false }, code: { nullable: false } },
      Pet: { owner_ref: { nullable: false }, keeperId: { nullable: true }, name: { nullable: false }, kind: { nullable: false }, nick: { nullable: true } },
    });
  });

  it('refuses a referential action it does not know instead of comparing against a guess', () => {
    expect(() => modelKeys(schema.replace('onUpdate: NoAction', 'onUpdate: Explode'))).toThrow(/unknown referential action Explode/);
  });
});
