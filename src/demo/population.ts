import { generateIdNumber } from "../core/id-number";
import { demoMobile, demoName, demoSurname } from "./names";
import { SeededRandom } from "./random";

/** Region codes used for demo ID numbers: Zhongshan for locals, common home provinces of migrants. */
export const localRegionCode = "442000";
const migrantRegionCodes = [
  "430102",
  "450102",
  "360102",
  "510104",
  "420102",
  "410102",
  "350102",
  "520102",
  "530102",
  "441502",
  "445202",
  "440882",
];
const communitySuffixes = ["东", "西", "南", "北", "中"];
/** Where each demo community lies from its 镇区's centre (metres), by its place in the 镇区's list. */
const communityOffsets = [
  [-1200, -900],
  [1300, -700],
  [-800, 1100],
  [1500, 1000],
  [0, 0],
] as const;

/** One demo community. */
export interface DemoCommunity {
  id: string;
  townCode: string;
  name: string;
  /** Its centre on the city grid of the demo schools (metres). */
  x: number;
  y: number;
}

/** One demo person. */
export interface DemoPerson {
  id: string;
  name: string;
  idNumber: string;
  gender: "male" | "female";
  birthDate: string;
  phone: string | null;
  townCode: string;
  communityId: string;
  address: string;
  hukouType: "local" | "migrant";
}

/** One demo household with its members' relationships. */
export interface DemoHousehold {
  id: string;
  townCode: string;
  communityId: string;
  address: string;
  headPersonId: string;
  members: { personId: string; relationship: string; since: string }[];
}

/** The whole synthetic population. */
export interface DemoPopulation {
  communities: DemoCommunity[];
  persons: DemoPerson[];
  households: DemoHousehold[];
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Generates a deterministic synthetic population: 2–4 communities per 镇区 (labelled 示例), households of 1–5
 * people with valid ID numbers, about 40% migrants, until `targetPersons` is reached.
 */
export function generatePopulation(
  towns: { code: string; name: string }[],
  targetPersons = 2000,
  seed = 20_141_030,
): DemoPopulation {
  const random = new SeededRandom(seed);
  const communities: DemoCommunity[] = [];
  towns.forEach((town, townIndex) => {
    const count = random.integer(2, 4);
    // The 镇区 lie on a 6-wide grid 12 km apart; the demo schools are placed around their communities.
    const centre = { x: (townIndex % 6) * 12_000, y: Math.floor(townIndex / 6) * 12_000 };
    for (let index = 0; index < count; index += 1) {
      const [dx, dy] = communityOffsets[index];
      communities.push({
        id: random.uuid(),
        townCode: town.code,
        name: `${town.name.replace(/[镇区]$/, "")}${communitySuffixes[index]}社区（示例）`,
        x: centre.x + dx,
        y: centre.y + dy,
      });
    }
  });
  const usedIds = new Set<string>();
  const persons: DemoPerson[] = [];
  const households: DemoHousehold[] = [];
  const makePerson = (
    community: DemoCommunity,
    address: string,
    migrant: boolean,
    region: string,
    birthYear: number,
    gender: "male" | "female",
    name: string,
  ): DemoPerson => {
    const birthDate = isoDate(birthYear, random.integer(1, 12), random.integer(1, 28));
    let sequence = random.integer(0, 499) * 2 + (gender === "male" ? 1 : 0);
    let idNumber = generateIdNumber(region, birthDate, sequence);
    while (usedIds.has(idNumber)) {
      sequence = (sequence + 2) % 1000;
      idNumber = generateIdNumber(region, birthDate, sequence);
    }
    usedIds.add(idNumber);
    const adult = birthYear <= 2007;
    const person: DemoPerson = {
      id: random.uuid(),
      name,
      idNumber,
      gender,
      birthDate,
      phone: adult && random.chance(0.9) ? demoMobile(random) : null,
      townCode: community.townCode,
      communityId: community.id,
      address,
      hukouType: migrant ? "migrant" : "local",
    };
    persons.push(person);
    return person;
  };
  while (persons.length < targetPersons) {
    const community = random.pick(communities);
    const migrant = random.chance(0.4);
    const region = migrant ? random.pick(migrantRegionCodes) : localRegionCode;
    const address = `${community.name.replace("（示例）", "")}${random.integer(1, 120)}号${random.integer(1, 30)}0${random.integer(1, 6)}房`;
    const surname = demoSurname(random);
    const headGender = random.chance(0.6) ? "male" : "female";
    const headYear = random.integer(1960, 2000);
    const since = isoDate(random.integer(2005, 2024), random.integer(1, 12), random.integer(1, 28));
    const head = makePerson(community, address, migrant, region, headYear, headGender, demoName(random, surname));
    const members = [{ personId: head.id, relationship: "head", since }];
    if (random.chance(0.75)) {
      const spouseGender = headGender === "male" ? "female" : "male";
      const spouse = makePerson(
        community,
        address,
        migrant,
        region,
        headYear + random.integer(-3, 3),
        spouseGender,
        demoName(random),
      );
      members.push({ personId: spouse.id, relationship: "spouse", since });
    }
    const children = random.integer(0, 3);
    for (let index = 0; index < children && persons.length < targetPersons; index += 1) {
      const childYear = Math.min(2023, headYear + random.integer(22, 35));
      const child = makePerson(
        community,
        address,
        migrant,
        region,
        childYear,
        random.chance(0.5) ? "male" : "female",
        demoName(random, surname),
      );
      members.push({
        personId: child.id,
        relationship: "child",
        since: child.birthDate > since ? child.birthDate : since,
      });
    }
    households.push({
      id: random.uuid(),
      townCode: community.townCode,
      communityId: community.id,
      address,
      headPersonId: head.id,
      members,
    });
  }
  return { communities, persons, households };
}
