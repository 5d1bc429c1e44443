import { ApiProperty } from '@nestjs/swagger';
import { IsIsoDate } from '@foyer/api/core';
import { CalendarDaysQuery } from '@foyer/shared/contracts';

export class CalendarDaysQueryDto implements CalendarDaysQuery {
  @ApiProperty({ example: '2027-01-04', description: 'Premier jour (AAAA-MM-JJ)' })
  @IsIsoDate()
  from!: string;

  @ApiProperty({ example: '2027-01-31', description: 'Dernier jour inclus (AAAA-MM-JJ)' })
  @IsIsoDate()
  to!: string;
}
